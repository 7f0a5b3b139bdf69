package com.caseflow.followup.timers.domain;

import com.caseflow.events.followup.DeadlineKind;

import java.time.Instant;

/**
 * One line of a case's follow-up timeline: what happened to it, when and by whom, as the follow-up service saw it.
 *
 * @param what     {@code ROUTED}, {@code DEADLINE_SET}, {@code ACCEPTED}, {@code TRANSFERRED}, {@code REMINDER},
 *                 {@code REMINDER_SKIPPED}, {@code ESCALATION}, {@code RESOLVED}, {@code REOPENED}, {@code MERGED},
 *                 {@code CONTACT_ATTACHED}
 * @param level    the escalation step, when there is one
 * @param dueAt    the deadline concerned, when there is one
 */
public record TimelineEntry(Instant at, String what, DeadlineKind deadline, Integer level, String role, Instant dueAt,
                            String departmentCode, String actor, String note) {

    static TimelineEntry of(Instant at, String what, String departmentCode, String actor, String note) {
        return new TimelineEntry(at, what, null, null, null, null, departmentCode, actor, note);
    }
}
