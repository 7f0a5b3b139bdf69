package com.caseflow.followup.timers.domain;

import com.caseflow.events.followup.DeadlineKind;

import java.time.Instant;

/**
 * A deadline of a case as it stands: when its clock started, when it is due, and when it was met (null while open).
 *
 * @param businessHours the business hours the department's SLA allowed when the clock started
 */
public record CaseDeadline(DeadlineKind kind, Instant startedAt, Instant dueAt, int businessHours, Instant metAt) {

    CaseDeadline met(Instant at) {
        return new CaseDeadline(kind, startedAt, dueAt, businessHours, at);
    }

    public boolean open() {
        return metAt == null;
    }
}
