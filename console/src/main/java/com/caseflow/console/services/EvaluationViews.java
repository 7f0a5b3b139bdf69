package com.caseflow.console.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the console reads from evaluation: rankings, the hotlines' service level, recurring issues, evaluations and
 * improvement proposals. Unknown fields are ignored; a rate with nothing to count is null.
 */
public final class EvaluationViews {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Period(LocalDate from, LocalDate to) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Board<R>(Period period, Period previous, String policyVersion, List<R> rows) {

        public Board {
            rows = rows == null ? List.of() : rows;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Scored(Double score, Map<String, Double> kpiScores, String outcome, List<String> weakKpis,
                         List<String> reasons) {

        public Scored {
            weakKpis = weakKpis == null ? List.of() : weakKpis;
            reasons = reasons == null ? List.of() : reasons;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Standing(Scored scored, Integer rank, int rankedOf, Double previousScore, Double change,
                           Integer previousRank) {

        public Double score() {
            return scored == null ? null : scored.score();
        }

        public String outcome() {
            return scored == null ? null : scored.outcome();
        }

        public List<String> weakKpis() {
            return scored == null ? List.of() : scored.weakKpis();
        }

        public List<String> reasons() {
            return scored == null ? List.of() : scored.reasons();
        }

        /** Places gained against the period before (positive = better), null without both ranks. */
        public Integer rankChange() {
            return rank == null || previousRank == null ? null : previousRank - rank;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CallMeasures(long offered, long answered, long abandoned, long answeredInTime, Double serviceLevel,
                               Double averageSpeedOfAnswerSeconds, Double abandonmentRate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgentKpis(long contacts, long phoneCalls, long visits, Double answerWithinThreeRingsRate,
                            Double firstContactResolutionRate, Double averageSatisfaction, Double csat,
                            String threeRingsSource, CallMeasures calls) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgentRow(String agentId, AgentKpis kpis, Standing standing) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DepartmentKpis(long casesRouted, long resolved, Double firstResponseCompliance,
                                 Double resolutionCompliance, Double averageResolutionHours,
                                 Double averageSatisfaction, Double csat) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DepartmentRow(String departmentCode, DepartmentKpis kpis, Standing standing) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HourMeasures(int hour, CallMeasures measures) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hotline(String hotline, CallMeasures total, List<HourMeasures> hours) {

        public Hotline {
            hours = hours == null ? List.of() : hours;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hotlines(LocalDate from, LocalDate to, List<Hotline> hotlines) {

        public Hotlines {
            hotlines = hotlines == null ? List.of() : hotlines;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Issue(String projectCode, String category, String categoryLabel, long contacts,
                        long previousContacts, long change, Double changeRate, long repeatContacts,
                        Double repeatShare, long incidentContacts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RecurringIssues(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
                                  List<Issue> topIssues) {

        public RecurringIssues {
            topIssues = topIssues == null ? List.of() : topIssues;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evaluation(String evaluationId, int revision, String subjectType, String subjectId,
                             String periodType, LocalDate from, LocalDate to, Double score, Integer rank,
                             int rankedOf, Double previousScore, String outcome, List<String> weakKpis,
                             List<String> reasons, boolean provisional, String recommendedOutcome,
                             Decision decision, String decidedOutcome, TrainingFollowUp trainingFollowUp) {

        public Evaluation {
            weakKpis = weakKpis == null ? List.of() : weakKpis;
            reasons = reasons == null ? List.of() : reasons;
            recommendedOutcome = recommendedOutcome == null ? outcome : recommendedOutcome;
            decidedOutcome = decidedOutcome == null ? recommendedOutcome : decidedOutcome;
        }

        public Double change() {
            return score == null || previousScore == null ? null : score - previousScore;
        }

        /** Only a commendation or a warning of an ended period is a manager's to confirm or override. */
        public boolean decidable() {
            return !provisional && ("COMMENDATION".equals(recommendedOutcome) || "WARNING".equals(recommendedOutcome));
        }

        /**
         * The training assignment the policy's TRAINING made of an agent's ended period (evaluation names it after
         * the evaluation), or null: a manager's override to TRAINING assigns none.
         */
        public String trainingAssignmentId() {
            return !provisional && "AGENT".equals(subjectType) && "TRAINING".equals(recommendedOutcome)
                    ? "TRAINING." + evaluationId : null;
        }
    }

    /** A manager's decision on an evaluation's recommendation: 确认 (CONFIRMED) or 改判 (OVERRIDDEN). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(int sequence, int evaluationRevision, String recommendedOutcome, String decision,
                           String outcome, String reason, String decidedBy, Instant decidedAt) {
    }

    /** How each weak KPI of the training the period before called for changed in this evaluation. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TrainingFollowUp(String assignmentId, String evaluationId, String topic, Instant completedAt,
                                   List<KpiChange> kpis) {

        public TrainingFollowUp {
            kpis = kpis == null ? List.of() : kpis;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KpiChange(String kpi, String label, Double before, Double after, Boolean improved) {
    }

    /** A training (培训) an evaluation assigned: its weak KPIs with their scores then, the trainer and the due date. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TrainingAssignment(String id, String evaluationId, String agentId, String periodType,
                                     LocalDate from, LocalDate to, List<String> weakKpis,
                                     Map<String, Double> kpiScoresBefore, String topic, String trainerId,
                                     LocalDate dueDate, boolean overdue, Instant assignedAt, String status,
                                     String completedBy, Instant completedAt, String note, long version) {

        public TrainingAssignment {
            weakKpis = weakKpis == null ? List.of() : weakKpis;
            kpiScoresBefore = kpiScoresBefore == null ? Map.of() : kpiScoresBefore;
        }

        public boolean completed() {
            return "COMPLETED".equals(status);
        }

        public Double before(String kpi) {
            return kpiScoresBefore.get(kpi);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evaluations(String periodType, LocalDate from, LocalDate to, List<Evaluation> evaluations) {

        public Evaluations {
            evaluations = evaluations == null ? List.of() : evaluations;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Run(String periodType, LocalDate from, LocalDate to, String policyVersion, int published,
                      int unchanged, Map<String, Long> outcomes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Week(String week, LocalDate from, LocalDate to, long contacts, String phase, boolean complete) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Volume(List<Week> weeks, double beforeAverage, Double afterAverage, Boolean fell) {

        public Volume {
            weeks = weeks == null ? List.of() : weeks;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Proposal(String id, String projectCode, String category, String categoryLabel, String title,
                           String description, String owner, LocalDate dueDate, boolean overdue, String status,
                           String statusLabel, String recordedBy, Instant recordedAt, long version, Volume volume) {
    }

    private EvaluationViews() {
    }
}
