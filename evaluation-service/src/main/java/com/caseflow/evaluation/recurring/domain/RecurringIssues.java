package com.caseflow.evaluation.recurring.domain;

import com.caseflow.evaluation.aggregates.domain.ProjectDay;
import com.caseflow.evaluation.evaluations.domain.Period;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recurring customer issues of a period, summed from the projects' day counters: the project × category issues with
 * the most contacts and how they moved against the period before (same length, just before), where customers most
 * often had to call again, and the mass incidents. Pure: the counters are read for both periods at once.
 */
public final class RecurringIssues {

    /**
     * One project × category issue.
     *
     * @param change           contacts minus those of the previous period
     * @param changeRate       that change as a fraction of the previous period's contacts; null when there were none
     * @param repeatShare      repeat contacts as a fraction of contacts; null when there were none
     */
    public record Issue(String projectCode, String category, String categoryLabel, long contacts,
                        long previousContacts, long change, Double changeRate, long repeatContacts,
                        Double repeatShare, long incidentContacts) {
    }

    /** A project × category whose customers most often called again about a case still open (重复来电). */
    public record RepeatHotSpot(String projectCode, String category, String categoryLabel, long repeatContacts,
                                long contacts, Double repeatShare) {
    }

    /** A mass incident (群体事件) with at least the threshold's contacts in the period. */
    public record MassIncident(String incidentId, String projectCode, String category, String categoryLabel,
                               long contacts) {
    }

    /** @param massIncidentThreshold contacts in the period from which an incident is listed */
    public record Report(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
                         List<Issue> topIssues, List<RepeatHotSpot> repeatHotSpots, long massIncidentThreshold,
                         List<MassIncident> massIncidents) {
    }

    private record Key(String projectCode, String category) {
    }

    private static final class Tally {
        long contacts;
        long previousContacts;
        long repeats;
        long incidentContacts;
    }

    private RecurringIssues() {
    }

    /** The first day of the period compared with, the same one the rankings compare with: see {@link Period#previous}. */
    public static LocalDate previousFrom(LocalDate from, LocalDate to) {
        return new Period(from, to).previous().from();
    }

    /**
     * @param days              projects' day counters by project and day, covering at least the previous period and
     *                          the period; days outside both are ignored
     * @param limit             how many entries each list holds at most
     * @param incidentThreshold contacts in the period from which an incident is listed
     */
    public static Report of(LocalDate from, LocalDate to, Map<String, Map<LocalDate, ProjectDay>> days, int limit,
                            long incidentThreshold) {
        LocalDate previousFrom = previousFrom(from, to);
        LocalDate previousTo = from.minusDays(1);
        Map<Key, Tally> tallies = new HashMap<>();
        Map<String, MassIncident> incidents = new HashMap<>();
        days.forEach((project, byDay) -> byDay.forEach((day, counters) -> {
            boolean current = !day.isBefore(from) && !day.isAfter(to);
            boolean previous = !day.isBefore(previousFrom) && !day.isAfter(previousTo);
            if (previous) {
                counters.contacts().forEach((category, n) -> tally(tallies, project, category).previousContacts += n);
            }
            if (!current) {
                return;
            }
            counters.contacts().forEach((category, n) -> tally(tallies, project, category).contacts += n);
            counters.repeatContacts().forEach((category, n) -> tally(tallies, project, category).repeats += n);
            counters.incidentContacts().forEach((category, n) ->
                    tally(tallies, project, category).incidentContacts += n);
            for (ProjectDay.IncidentContacts i : counters.incidents()) {
                incidents.merge(project + "|" + i.incidentId() + "|" + i.category(),
                        new MassIncident(i.incidentId(), project, i.category(), Categories.labelZh(i.category()),
                                i.contacts()),
                        (a, b) -> new MassIncident(a.incidentId(), a.projectCode(), a.category(), a.categoryLabel(),
                                a.contacts() + b.contacts()));
            }
        }));

        List<Issue> top = tallies.entrySet().stream()
                .filter(e -> e.getValue().contacts > 0)
                .map(e -> issue(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Issue::contacts).reversed()
                        .thenComparing(Comparator.comparingLong(Issue::change).reversed())
                        .thenComparing(Issue::projectCode).thenComparing(Issue::category))
                .limit(limit)
                .toList();
        List<RepeatHotSpot> hotSpots = tallies.entrySet().stream()
                .filter(e -> e.getValue().repeats > 0)
                .map(e -> new RepeatHotSpot(e.getKey().projectCode(), e.getKey().category(),
                        Categories.labelZh(e.getKey().category()), e.getValue().repeats, e.getValue().contacts,
                        share(e.getValue().repeats, e.getValue().contacts)))
                .sorted(Comparator.comparingLong(RepeatHotSpot::repeatContacts).reversed()
                        .thenComparing(RepeatHotSpot::projectCode).thenComparing(RepeatHotSpot::category))
                .limit(limit)
                .toList();
        List<MassIncident> massIncidents = incidents.values().stream()
                .filter(i -> i.contacts() >= incidentThreshold)
                .sorted(Comparator.comparingLong(MassIncident::contacts).reversed()
                        .thenComparing(MassIncident::incidentId).thenComparing(MassIncident::category))
                .limit(limit)
                .toList();
        return new Report(from, to, previousFrom, previousTo, top, hotSpots, incidentThreshold, massIncidents);
    }

    private static Tally tally(Map<Key, Tally> tallies, String project, String category) {
        return tallies.computeIfAbsent(new Key(project, category), k -> new Tally());
    }

    private static Issue issue(Key key, Tally t) {
        long change = t.contacts - t.previousContacts;
        return new Issue(key.projectCode(), key.category(), Categories.labelZh(key.category()), t.contacts,
                t.previousContacts, change, share(change, t.previousContacts), t.repeats, share(t.repeats, t.contacts),
                t.incidentContacts);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
