package com.caseflow.evaluation.spotchecks.domain;

import java.time.Instant;

/**
 * What sampling knows of a case, gathered from the cases and follow-ups topics in any order.
 *
 * @param escalated          a deadline passed and the case climbed the escalation ladder at least once
 * @param lowestSatisfaction the lowest satisfaction (1–5) a reached customer gave, null when none was given
 * @param notResolved        a reached customer said the matter was not resolved
 * @param resolutionDue      the case's current resolution deadline, null when it has none
 * @param closedAt           when the case was last resolved (or merged into another); null while it is open
 * @param resolvedLate       the case was resolved after its resolution deadline at least once
 */
public record CaseFlags(String caseId, boolean escalated, Integer lowestSatisfaction, boolean notResolved,
                        Instant resolutionDue, Instant closedAt, boolean resolvedLate) {

    public static CaseFlags none(String caseId) {
        return new CaseFlags(caseId, false, null, false, null, null, false);
    }

    public boolean lowSatisfaction(int atMost) {
        return notResolved || lowestSatisfaction != null && lowestSatisfaction <= atMost;
    }

    /** Resolved after its deadline, or still open past it at {@code asOf}. */
    public boolean longRunning(Instant asOf) {
        return resolvedLate || closedAt == null && resolutionDue != null && resolutionDue.isBefore(asOf);
    }
}
