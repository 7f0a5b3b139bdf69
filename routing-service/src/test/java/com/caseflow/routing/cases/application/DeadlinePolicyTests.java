package com.caseflow.routing.cases.application;

import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.cases.Priority;
import com.caseflow.routing.departments.domain.Department;
import com.caseflow.routing.departments.domain.SlaTarget;
import com.caseflow.support.calendar.BusinessCalendar;
import com.caseflow.support.calendar.Calendars;
import com.caseflow.support.calendar.UnknownCalendarException;
import com.caseflow.support.testing.TestCalendars;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Priority decides the clock: an urgent danger is timed around the clock, the rest on the department's calendar. */
class DeadlinePolicyTests {

    private static final Map<String, BusinessCalendar> KNOWN = Map.of("CN-OFFICE", TestCalendars.office(),
            "HOTLINE", TestCalendars.hotline(), "24X7", TestCalendars.alwaysOpen());

    private final DeadlinePolicy policy = new DeadlinePolicy(new Calendars() {
        @Override
        public Optional<BusinessCalendar> find(String calendarId) {
            return Optional.ofNullable(KNOWN.get(calendarId));
        }

        @Override
        public Optional<BusinessCalendar> ofDepartment(String departmentCode) {
            return Optional.empty();
        }

        @Override
        public List<BusinessCalendar> inUse() {
            return List.of();
        }
    });

    private static Department department(String calendar) {
        return new Department("ENGINEERING", "工程维修部", "Engineering", "ENG-HEAD", Map.of(
                Priority.URGENT, new SlaTarget(15, 240, "24X7"),
                Priority.HIGH, SlaTarget.hours(4, 24),
                Priority.NORMAL, SlaTarget.hours(8, 72)), true, calendar, true);
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(TestCalendars.SHANGHAI).toInstant();
    }

    @Test
    void whenAGasSmellIsReportedAt1830OnAFridayThenItIsDueAt1845NotOnMonday() {
        Deadlines urgent = policy.from(at("2026-12-04T18:30"), department("CN-OFFICE"), Priority.URGENT);

        assertThat(urgent.calendarId()).isEqualTo("24X7");
        assertThat(urgent.firstResponseDue()).isEqualTo(at("2026-12-04T18:45"));
        assertThat(urgent.resolutionDue()).isEqualTo(at("2026-12-04T22:30"));
        assertThat(urgent.firstResponseMinutes()).isEqualTo(15);
        assertThat(urgent.firstResponseHours()).isEqualTo(1);

        Deadlines normal = policy.from(at("2026-12-04T18:30"), department("CN-OFFICE"), Priority.NORMAL);
        assertThat(normal.calendarId()).isEqualTo("CN-OFFICE");
        assertThat(normal.firstResponseDue()).isEqualTo(at("2026-12-07T17:00"));
    }

    @Test
    void whenADepartmentWorksAroundTheClockThenItsOrdinaryCasesRunOverNightsAndHolidays() {
        // National Day: nobody in the office, but a 24×7 duty line counts every hour
        Deadlines duty = policy.from(at("2026-10-01T22:00"), department("24X7"), Priority.HIGH);
        assertThat(duty.firstResponseDue()).isEqualTo(at("2026-10-02T02:00"));

        Deadlines office = policy.from(at("2026-10-01T22:00"), department("CN-OFFICE"), Priority.HIGH);
        assertThat(office.firstResponseDue()).isEqualTo(at("2026-10-08T13:00"));

        Deadlines hotline = policy.from(at("2026-10-01T19:00"), department("HOTLINE"), Priority.HIGH);
        assertThat(hotline.firstResponseDue()).isEqualTo(at("2026-10-02T11:00"));
    }

    @Test
    void whenTheDepartmentsCalendarIsUnknownThenNoDeadlineIsMadeUp() {
        assertThatExceptionOfType(UnknownCalendarException.class)
                .isThrownBy(() -> policy.from(at("2026-12-04T10:00"), department("GONE"), Priority.NORMAL));
    }
}
