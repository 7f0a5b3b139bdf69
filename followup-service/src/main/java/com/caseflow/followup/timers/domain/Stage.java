package com.caseflow.followup.timers.domain;

import com.caseflow.events.followup.DeadlineKind;

import java.time.Instant;

/**
 * One timer of a case: a reminder before a deadline or a step of the escalation ladder after it. Its id is stable
 * within the case, so the event it fires has a stable id too.
 *
 * @param level 0 for a reminder, the ladder step (from 1) for an escalation
 */
public record Stage(String id, StageKind kind, DeadlineKind deadline, int level, String role, Instant dueAt,
                    Instant deadlineDueAt, StageState state, Instant settledAt) {

    Stage settled(StageState newState, Instant at) {
        return new Stage(id, kind, deadline, level, role, dueAt, deadlineDueAt, newState, at);
    }

    boolean pending() {
        return state == StageState.PENDING;
    }
}
