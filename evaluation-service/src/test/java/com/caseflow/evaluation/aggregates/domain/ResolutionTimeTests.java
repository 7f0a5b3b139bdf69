package com.caseflow.evaluation.aggregates.domain;

import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.CaseTransferred;
import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.support.calendar.BusinessCalendar;
import com.caseflow.support.testing.TestCalendars;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A case's time to resolution is counted in the calendar its deadlines run in, not in one calendar for all. */
class ResolutionTimeTests {

    private static final Map<String, BusinessCalendar> CALENDARS = Map.of(
            "CN-OFFICE", TestCalendars.office(), "24X7", TestCalendars.alwaysOpen());
    private final Folding folding = new Folding(TestCalendars.SHANGHAI,
            (calendar, from, to) -> CALENDARS.get(calendar == null ? "CN-OFFICE" : calendar).between(from, to));

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(TestCalendars.SHANGHAI).toInstant();
    }

    private static CaseRouted routed(String caseId, Instant at, Priority priority, Deadlines deadlines) {
        return new CaseRouted(caseId, 1, "c-" + caseId, "A001", Channel.PHONE, at, "SH-LJY", "3栋",
                ContactCategory.REPAIR, "楼道有煤气味", null, Complexity.COMPLEX, priority, List.of(), "ENGINEERING",
                "repairs", 1, deadlines, null, at, "ENG-HEAD");
    }

    private long resolutionMinutes(Folding.Folded resolved) {
        return resolved.departments().get(0).add().resolutionMinutes();
    }

    @Test
    void whenAnUrgentCaseIsResolvedAtNightThenItsResolutionTimeCountsEveryMinuteOfThe24x7Calendar() {
        Instant friday1830 = at("2026-12-04T18:30");
        CaseFacts facts = folding.routed(routed("u1", friday1830, Priority.URGENT,
                Deadlines.of("24X7", at("2026-12-04T18:45"), 15, at("2026-12-04T22:30"), 240))).facts();
        assertThat(facts.calendarId()).isEqualTo("24X7");

        Folding.Folded resolved = folding.resolved(new CaseResolved("u1", 3, "ENGINEERING", "D-ENG-02", "已关阀通风",
                List.of("c-u1"), at("2026-12-04T20:00")), facts);

        assertThat(resolutionMinutes(resolved)).isEqualTo(90);
    }

    @Test
    void whenAnOfficeCaseIsTransferredIntoUrgentTimingThenTheNewCalendarCounts() {
        Instant friday1700 = at("2026-12-04T17:00");
        CaseFacts office = folding.routed(routed("n1", friday1700, Priority.NORMAL,
                new Deadlines(at("2026-12-07T12:00"), at("2026-12-10T17:00"), 4, 24))).facts();
        assertThat(office.calendarId()).isNull();
        // Friday 17:00 to Monday 10:00 in office hours: 1 + 1 hours
        assertThat(resolutionMinutes(folding.resolved(new CaseResolved("n1", 2, "ENGINEERING", "D-ENG-01", "已处理",
                List.of(), at("2026-12-07T10:00")), office))).isEqualTo(120);

        CaseFacts moved = folding.transferred(new CaseTransferred("n1", 2, "ENGINEERING", "PROPERTY_MANAGEMENT", "物业",
                "D-ENG-01", "SH-LJY", "3栋", ContactCategory.REPAIR, "漏水", null, Priority.URGENT,
                Deadlines.of("24X7", at("2026-12-04T19:15"), 15, at("2026-12-04T23:00"), 240), at("2026-12-04T19:00"),
                "PM-HEAD"), office).facts();
        assertThat(moved.calendarId()).isEqualTo("24X7");
        assertThat(resolutionMinutes(folding.resolved(new CaseResolved("n1", 3, "PROPERTY_MANAGEMENT", "D-PM-02",
                "已处理", List.of(), at("2026-12-05T01:00")), moved))).isEqualTo(Duration.ofHours(6).toMinutes());
    }
}
