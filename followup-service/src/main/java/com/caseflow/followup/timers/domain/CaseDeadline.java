package com.caseflow.followup.timers.domain;

import com.caseflow.events.followup.DeadlineKind;

import java.time.Instant;

/**
 * A deadline of a case as it stands: when its clock started, when it is due, and when it was met (null while open).
 *
 * @param businessHours  the working hours the department's SLA allowed when the clock started, rounded up
 * @param workingMinutes the working minutes it allowed (null for deadlines kept before minutes were)
 * @param calendarId     the calendar it is counted in (null for deadlines kept before calendars were named)
 */
public record CaseDeadline(DeadlineKind kind, Instant startedAt, Instant dueAt, int businessHours, Instant metAt,
                           Integer workingMinutes, String calendarId) {

    CaseDeadline met(Instant at) {
        return new CaseDeadline(kind, startedAt, dueAt, businessHours, at, workingMinutes, calendarId);
    }

    public boolean open() {
        return metAt == null;
    }
}
