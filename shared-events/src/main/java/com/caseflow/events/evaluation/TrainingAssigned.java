package com.caseflow.events.evaluation;

import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An agent is to be trained (培训) because an evaluation recommended it, for HR's training records. On
 * {@code evaluations}, key = agent id. One per evaluation: a later revision of the same evaluation that still
 * recommends training assigns nothing new.
 *
 * @param assignmentId       {@code TRAINING.<evaluationId>}
 * @param evaluationRevision the revision of the evaluation that first recommended the training
 * @param weakKpis           the KPIs below the policy's target that the training addresses
 * @param kpiScoresBefore    each weak KPI → its 0–100 score in that evaluation, the base the next one is compared with
 * @param topic              what the training is about, in Chinese, from the weak KPIs' names
 * @param trainerId          the agent's supervisor, or the configured default trainer when the agent is in no team
 * @param dueDate            the day (Asia/Shanghai) by which the training is to be completed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingAssigned(@Identifier String assignmentId, @Identifier String evaluationId,
                               int evaluationRevision, @Identifier String agentId, @Identifier String periodType,
                               LocalDate from, LocalDate to, @Size(max = 100) List<String> weakKpis,
                               Map<String, Double> kpiScoresBefore, String topic, @Identifier String trainerId,
                               LocalDate dueDate, Instant assignedAt) {
    public static final int SCHEMA_VERSION = 1;

    public TrainingAssigned {
        weakKpis = weakKpis == null ? List.of() : List.copyOf(weakKpis);
        kpiScoresBefore = kpiScoresBefore == null ? Map.of() : Map.copyOf(kpiScoresBefore);
    }
}
