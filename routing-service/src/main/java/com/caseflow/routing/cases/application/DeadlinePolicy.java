package com.caseflow.routing.cases.application;

import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.cases.Priority;
import com.caseflow.routing.departments.domain.Department;
import com.caseflow.routing.departments.domain.SlaTarget;
import com.caseflow.support.calendar.BusinessCalendar;
import com.caseflow.support.calendar.Calendars;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * A department's SLA for a priority, counted in working time from when the clock starts — in the calendar the SLA
 * names for that priority (URGENT: 24×7, minutes) or else the department's own (office hours, holidays, 调休).
 */
@Component
public class DeadlinePolicy {

    private final Calendars calendars;

    public DeadlinePolicy(Calendars calendars) {
        this.calendars = calendars;
    }

    public Deadlines from(Instant start, Department department, Priority priority) {
        SlaTarget sla = department.slaFor(priority);
        String calendarId = department.calendarFor(priority);
        BusinessCalendar calendar = calendars.get(calendarId);
        return Deadlines.of(calendarId,
                calendar.plus(start, Duration.ofMinutes(sla.firstResponseMinutes())), sla.firstResponseMinutes(),
                calendar.plus(start, Duration.ofMinutes(sla.resolutionMinutes())), sla.resolutionMinutes());
    }
}
