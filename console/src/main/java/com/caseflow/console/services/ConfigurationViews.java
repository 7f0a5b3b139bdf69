package com.caseflow.console.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the configuration pages read from routing (rules, departments, rosters, calendars) and intake (projects).
 * Unknown fields are ignored on reading.
 */
public final class ConfigurationViews {

    /** One version of the routing rules, as routing keeps it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RuleSet(long version, List<Rule> rules, String defaultDepartment, String changedBy,
                          Instant changedAt) {

        public RuleSet {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }

        public int indexOf(String ruleId) {
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i).id().equals(ruleId)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** A routing rule; every condition it names must hold, an empty one holds for everything. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rule(String id, String description, List<String> categories, List<String> complexities,
                       List<String> projectCodes, List<String> channels, List<String> keywords, String minPriority,
                       String departmentCode, List<String> callerTypes, List<String> topics) {

        public Rule {
            categories = sorted(categories);
            complexities = sorted(complexities);
            projectCodes = sorted(projectCodes);
            channels = sorted(channels);
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            callerTypes = sorted(callerTypes);
            topics = sorted(topics);
        }

        // routing keeps the sets unordered: sorted, two versions of a rule compare field by field
        private static List<String> sorted(List<String> values) {
            return values == null ? List.of() : values.stream().sorted().toList();
        }
    }

    /** Routing's answer to a dry run: where the contact would go, by which rule of which version, and why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DryRun(String departmentCode, String ruleId, long ruleVersion, String complexity, String priority,
                         List<String> matchedKeywords, List<String> topics, List<String> reasons) {

        public DryRun {
            matchedKeywords = matchedKeywords == null ? List.of() : matchedKeywords;
            topics = topics == null ? List.of() : topics;
            reasons = reasons == null ? List.of() : reasons;
        }
    }

    /** @param changedBy who saved it last and {@code changedAt} when; null for departments saved before routing kept it */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Department(String code, String nameZh, String nameEn, String head, Map<String, Sla> sla,
                             boolean active, String calendarId, boolean onDutyRoster, Long version, String changedBy,
                             Instant changedAt) {
    }

    /** A page of routing's {@code GET /api/v1/routing-rules/versions}, newest first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RuleVersions(List<RuleVersion> versions, int page, int size, long total) {

        public RuleVersions {
            versions = versions == null ? List.of() : List.copyOf(versions);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RuleVersion(long version, String changedBy, Instant changedAt, int ruleCount,
                              String defaultDepartment) {
    }

    /** One priority's targets in working minutes, optionally timed in a calendar of its own. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sla(Integer firstResponseMinutes, Integer resolutionMinutes, String calendarId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Roster(String departmentCode, OffsetDateTime from, OffsetDateTime to, List<Shift> shifts,
                         List<Gap> gaps, long version, String changedBy, Instant changedAt) {

        public Roster {
            shifts = shifts == null ? List.of() : shifts;
            gaps = gaps == null ? List.of() : gaps;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Shift(String staffId, OffsetDateTime start, OffsetDateTime end) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gap(OffsetDateTime from, OffsetDateTime to) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Calendar(String id, long version, String name, String zone, Map<String, Hours> weekdays,
                           Hours makeUpDayHours, boolean observesPublicHolidays, List<Integer> years,
                           List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays, String source,
                           List<String> departments, boolean builtIn, LocalDate coveredUntil, Long coveredDays,
                           String changedBy, Instant changedAt) {

        public Calendar {
            weekdays = weekdays == null ? Map.of() : weekdays;
            years = years == null ? List.of() : years;
            holidays = holidays == null ? List.of() : holidays;
            makeUpWorkingDays = makeUpWorkingDays == null ? List.of() : makeUpWorkingDays;
            departments = departments == null ? List.of() : departments;
        }

        public List<LocalDate> holidaysIn(int year) {
            return holidays.stream().filter(d -> d.getYear() == year).toList();
        }

        public List<LocalDate> makeUpDaysIn(int year) {
            return makeUpWorkingDays.stream().filter(d -> d.getYear() == year).toList();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hours(String opens, String closes, String breakStarts, String breakEnds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CalendarVersion(long version, String changedBy, Instant changedAt, String source) {
    }

    /** A project of intake's catalogue, with the facts agents answer from. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Project(String code, String name, String city, String district, String address,
                          String salesStatus, String serviceHotline, List<UnitType> unitTypes, List<Faq> faqs,
                          Long version, Instant updatedAt, String updatedBy) {

        public Project {
            unitTypes = unitTypes == null ? List.of() : unitTypes;
            faqs = faqs == null ? List.of() : faqs;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitType(String name, String layout, java.math.BigDecimal areaSqm,
                           java.math.BigDecimal priceFromCny, java.math.BigDecimal priceToCny) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Faq(String question, String answer) {
    }

    private ConfigurationViews() {
    }
}
