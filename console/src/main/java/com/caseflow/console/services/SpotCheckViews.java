package com.caseflow.console.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the spot-check workbench and the team page read from evaluation: samples, the scorecard, checks, the board. */
public final class SpotCheckViews {

    /**
     * A sample as evaluation drew it: {@code seed}, {@code asOf} and {@code populationDigest} are what an audit repeats
     * the draw with.
     *
     * @param kind REGULAR (the schedule's weekly draw) or RANDOM (a reviewer's ad-hoc draw, 临时抽查)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sample(String id, String kind, long seed, LocalDate from, LocalDate to, int perAgent,
                         List<String> agentIds, String drawnBy, Instant drawnAt, Instant asOf,
                         String populationDigest, List<SampleItem> items) {

        public Sample {
            agentIds = agentIds == null ? List.of() : agentIds;
            items = items == null ? List.of() : items;
        }

        public boolean regular() {
            return "REGULAR".equals(kind);
        }

        public long scored() {
            return items.stream().filter(SampleItem::scored).count();
        }

        public Optional<SampleItem> item(String contactId) {
            return items.stream().filter(i -> i.contactId().equals(contactId)).findFirst();
        }

        public int indexOf(String contactId) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).contactId().equals(contactId)) {
                    return i;
                }
            }
            return -1;
        }

        /** The first item after {@code contactId} (then from the start) nobody has scored yet, other than it. */
        public Optional<SampleItem> nextUnscored(String contactId) {
            int at = indexOf(contactId);
            for (int step = 1; step <= items.size(); step++) {
                SampleItem item = items.get(Math.floorMod(at + step, items.size()));
                if (!item.scored() && !item.contactId().equals(contactId)) {
                    return Optional.of(item);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * @param stratum      why it was drawn: COMPLAINT, LOW_SATISFACTION, ESCALATED, LONG_RUNNING, SETTLED or ORDINARY
     * @param spotCheckId  the check of this contact, null until it is scored
     * @param recordingUrl the call's recording as the phone platform gave it; see {@link #recordingLink()}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SampleItem(String contactId, String agentId, String caseId, LocalDate day, String channel,
                             String projectCode, String category, String stratum, List<String> reasons,
                             String spotCheckId, String recordingUrl) {

        public SampleItem {
            reasons = reasons == null ? List.of() : reasons;
        }

        public boolean scored() {
            return spotCheckId != null;
        }

        public String recordingLink() {
            return RecordingLinks.safe(recordingUrl);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Scorecard(String version, int maxRating, List<ScorecardItem> items) {

        public Scorecard {
            items = items == null ? List.of() : items;
        }

        public String label(String code) {
            return items.stream().filter(i -> i.code().equals(code)).map(ScorecardItem::label).findFirst()
                    .orElse(code);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ScorecardItem(String code, String label, double weight, boolean critical) {
    }

    /** A recorded check ({@code SpotCheckRecorded}), with the reviewer's comment as evaluation's API shows it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SpotCheck(String spotCheckId, String sampleId, String stratum, String contactId, String caseId,
                            String agentId, LocalDate contactDay, String scorecardVersion,
                            Map<String, Integer> ratings, int maxRating, List<String> criticalFailures,
                            double score, String comment, String reviewedBy, Instant reviewedAt) {

        public SpotCheck {
            ratings = ratings == null ? Map.of() : ratings;
            criticalFailures = criticalFailures == null ? List.of() : criticalFailures;
        }
    }

    /** {@code GET /api/v1/reports/agents}: a supervisor's team, ranked company-wide. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgentBoard(Period period, Period previous, String policyVersion, List<AgentRow> rows) {

        public AgentBoard {
            rows = rows == null ? List.of() : rows;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Period(LocalDate from, LocalDate to) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgentRow(String agentId, AgentKpis kpis, Standing standing) {

        public Double score() {
            return standing == null || standing.scored() == null ? null : standing.scored().score();
        }
    }

    /**
     * Rates are shares (0–1), null when there was nothing to count. {@code spotCheckAverage} is the regular sample's
     * (the KPI); the ad-hoc checks' average is shown beside it, not weighed.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgentKpis(long contacts, long phoneCalls, long visits, Double answerWithinThreeRingsRate,
                            Double firstContactResolutionRate, Double averageSatisfaction, Double csat,
                            Double reopenRate, long spotChecks, Double spotCheckAverage, long criticalFailures,
                            long adHocSpotChecks, Double adHocSpotCheckAverage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Standing(Scored scored, Integer rank, int rankedOf, Double previousScore, Double change) {
    }

    /** @param outcome COMMENDATION, NONE, TRAINING or WARNING */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Scored(Double score, String outcome, List<String> weakKpis, List<String> reasons) {

        public Scored {
            weakKpis = weakKpis == null ? List.of() : weakKpis;
            reasons = reasons == null ? List.of() : reasons;
        }
    }

    private SpotCheckViews() {
    }
}
