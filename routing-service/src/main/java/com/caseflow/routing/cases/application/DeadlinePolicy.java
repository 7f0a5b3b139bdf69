package com.caseflow.routing.cases.application;

import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.cases.Priority;
import com.caseflow.routing.departments.domain.Department;
import com.caseflow.routing.departments.domain.SlaTarget;
import com.caseflow.support.calendar.BusinessCalendar;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/** A department's SLA for a priority, counted in business hours from when the clock starts. */
@Component
public class DeadlinePolicy {

    private final BusinessCalendar calendar;

    public DeadlinePolicy(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public Deadlines from(Instant start, Department department, Priority priority) {
        SlaTarget sla = department.slaFor(priority);
        return new Deadlines(
                calendar.plus(start, Duration.ofHours(sla.firstResponseHours())),
                calendar.plus(start, Duration.ofHours(sla.resolutionHours())),
                sla.firstResponseHours(), sla.resolutionHours());
    }
}
