package com.caseflow.followup.timers.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of the escalation ladder: who is told once a deadline is {@code after} business time past.
 *
 * @param role who this step reaches, for example {@code DEPARTMENT_HEAD}, {@code PROJECT_MANAGER}, {@code EXECUTIVE}
 */
public record EscalationStep(String role, Duration after) {
    public EscalationStep {
        Objects.requireNonNull(role, "role");
        if (after == null || after.isNegative()) {
            throw new IllegalArgumentException("an escalation step's delay must be zero or more");
        }
    }
}
