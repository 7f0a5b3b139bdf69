package com.caseflow.events.evaluation;

import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A manager decided on the outcome an evaluation recommended (a commendation or a warning): the policy recommends, a
 * person decides. On {@code evaluations}, key = agent id or department code, as the evaluation. HR and payroll act on
 * {@code outcome}, not on the recommendation.
 *
 * @param evaluationRevision the revision of the evaluation the manager decided on
 * @param sequence           1 for the first decision; an explicit override of an earlier decision is the next, and the
 *                           highest wins
 * @param recommendedOutcome what the policy recommended (COMMENDATION or WARNING)
 * @param decision           CONFIRMED (the recommendation stands) or OVERRIDDEN
 * @param outcome            the decided outcome: COMMENDATION, NONE, TRAINING or WARNING
 * @param reason             why, in the manager's words; required when overriding
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationDecided(@Identifier String evaluationId, int evaluationRevision,
                                @PositiveOrZero int sequence, @Identifier String subjectType,
                                @Identifier String subjectId, @Identifier String periodType, LocalDate from,
                                LocalDate to, String recommendedOutcome, String decision, String outcome,
                                @Size(max = 2000) String reason, @Identifier String decidedBy, Instant decidedAt) {
    public static final int SCHEMA_VERSION = 1;
}
