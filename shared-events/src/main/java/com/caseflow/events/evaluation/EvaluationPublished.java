package com.caseflow.events.evaluation;

import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The periodic evaluation (考核) of one agent or one department, with the outcome the policy recommends, for management
 * systems (HR, payroll) to act on. On {@code evaluations}, key = agent id or department code. Evaluating the same
 * subject and period again publishes the same {@code evaluationId} with a higher {@code revision}: the latest wins.
 *
 * @param subjectType    AGENT or DEPARTMENT
 * @param periodType     WEEK or MONTH, days in Asia/Shanghai, {@code from} and {@code to} inclusive
 * @param score          0–100 under the policy, null when nothing in the period could be scored
 * @param kpiScores      each scored KPI → its 0–100 score
 * @param rank           1 = best among the subjects of the same type scored for the period
 * @param previousScore  the score of the period before, null when there was none
 * @param outcome        COMMENDATION, NONE, TRAINING or WARNING
 * @param weakKpis       the KPIs below the policy's target, which the training should address
 * @param reasons        why the outcome, in the users' words (Chinese)
 * @param provisional    true when the period had not ended when it was evaluated: figures may still change, and an
 *                       evaluation after the period ends follows as the next revision
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationPublished(@Identifier String evaluationId, int revision, @Identifier String subjectType,
                                  @Identifier String subjectId, @Identifier String periodType, LocalDate from,
                                  LocalDate to, @Identifier String policyVersion,
                                  @DecimalMin("0") @DecimalMax("100") Double score, Map<String, Double> kpiScores,
                                  @Min(1) Integer rank, @Min(0) int rankedOf,
                                  @DecimalMin("0") @DecimalMax("100") Double previousScore, String outcome,
                                  @Size(max = 100) List<String> weakKpis, @Size(max = 100) List<String> reasons,
                                  boolean provisional, @Identifier String evaluatedBy, Instant evaluatedAt) {
    public static final int SCHEMA_VERSION = 1;

    public EvaluationPublished {
        kpiScores = kpiScores == null ? Map.of() : Map.copyOf(kpiScores);
        weakKpis = weakKpis == null ? List.of() : List.copyOf(weakKpis);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
