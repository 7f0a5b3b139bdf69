package com.caseflow.evaluation.training.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Training (培训) an evaluation recommended for an agent: one per evaluation, whatever its later revisions say, so a
 * re-run never assigns the same training twice.
 *
 * @param kpiScoresBefore each weak KPI → its score in the evaluation, what the next evaluation is compared with
 * @param note            the trainer's words on completion; may name a customer, so never published
 */
public record TrainingAssignment(String id, String evaluationId, int evaluationRevision, String agentId,
                                 String periodType, LocalDate from, LocalDate to, List<String> weakKpis,
                                 Map<String, Double> kpiScoresBefore, String topic, String trainerId,
                                 LocalDate dueDate, Instant assignedAt, TrainingStatus status, String completedBy,
                                 Instant completedAt, String note) {

    public static final int MAX_NOTE = 500;
    static final String TOPIC_PREFIX = "专项培训：";
    static final String GENERAL_TOPIC = "综合业务培训";

    public TrainingAssignment {
        weakKpis = weakKpis == null ? List.of() : List.copyOf(weakKpis);
        kpiScoresBefore = kpiScoresBefore == null ? Map.of() : Map.copyOf(kpiScoresBefore);
        status = status == null ? TrainingStatus.ASSIGNED : status;
    }

    /** The assignment of the training an evaluation recommended. */
    public static String idFor(String evaluationId) {
        return "TRAINING." + evaluationId;
    }

    /**
     * @param kpiScores the evaluation's KPI scores, of which the weak ones are kept as the base
     * @param labels    a KPI's name as users read it (Chinese), the code itself when the policy has none
     */
    public static TrainingAssignment assign(String evaluationId, int evaluationRevision, String agentId,
                                            String periodType, LocalDate from, LocalDate to, List<String> weakKpis,
                                            Map<String, Double> kpiScores, Function<String, String> labels,
                                            String trainerId, LocalDate dueDate, Instant assignedAt) {
        Map<String, Double> before = new LinkedHashMap<>();
        for (String kpi : weakKpis) {
            Double score = kpiScores.get(kpi);
            if (score != null) {
                before.put(kpi, score);
            }
        }
        return new TrainingAssignment(idFor(evaluationId), evaluationId, evaluationRevision, agentId, periodType,
                from, to, weakKpis, before, topicOf(weakKpis, labels), trainerId, dueDate, assignedAt,
                TrainingStatus.ASSIGNED, null, null, null);
    }

    /** 「专项培训：三声内接听率、客户满意度」; a training recommended for the score alone is a general one. */
    static String topicOf(List<String> weakKpis, Function<String, String> labels) {
        if (weakKpis.isEmpty()) {
            return GENERAL_TOPIC;
        }
        List<String> names = new ArrayList<>();
        for (String kpi : weakKpis) {
            names.add(Objects.requireNonNullElse(labels.apply(kpi), kpi));
        }
        return TOPIC_PREFIX + String.join("、", names);
    }

    /** @throws AlreadyCompletedException when the completion was recorded before */
    public TrainingAssignment complete(String by, Instant at, String note) {
        if (status == TrainingStatus.COMPLETED) {
            throw new AlreadyCompletedException(id, completedBy, completedAt);
        }
        return new TrainingAssignment(id, evaluationId, evaluationRevision, agentId, periodType, from, to, weakKpis,
                kpiScoresBefore, topic, trainerId, dueDate, assignedAt, TrainingStatus.COMPLETED, by, at, note);
    }

    public boolean overdue(LocalDate today) {
        return status == TrainingStatus.ASSIGNED && today.isAfter(dueDate);
    }

    /**
     * Whether each weak KPI improved in a later evaluation: its score there against the one that called for the
     * training. A KPI the later evaluation could not score has no verdict.
     */
    public List<KpiChange> changes(Map<String, Double> laterKpiScores, Function<String, String> labels) {
        List<KpiChange> changes = new ArrayList<>();
        for (String kpi : weakKpis) {
            Double before = kpiScoresBefore.get(kpi);
            Double after = laterKpiScores.get(kpi);
            Boolean improved = before == null || after == null ? null : after > before;
            changes.add(new KpiChange(kpi, Objects.requireNonNullElse(labels.apply(kpi), kpi), before, after,
                    improved));
        }
        return changes;
    }

    /** One weak KPI before and after the training; {@code improved} null when either score is missing. */
    public record KpiChange(String kpi, String label, Double before, Double after, Boolean improved) {
    }

    public static final class AlreadyCompletedException extends RuntimeException {
        public AlreadyCompletedException(String id, String by, Instant at) {
            super("training " + id + " was completed already, recorded by " + by + " at " + at);
        }
    }
}
