package com.caseflow.events.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A reviewer scored one contact on the scorecard (抽查). On {@code evaluations}, key = agent id. Names and numbers of
 * the customer are not part of it.
 *
 * @param spotCheckId      one per contact: a contact is checked once, in whichever sample drew it or outside any
 * @param sampleId         the sample the contact was drawn in, null for an ad-hoc check
 * @param stratum          why the contact was drawn (e.g. COMPLAINT, LOW_SATISFACTION, ESCALATED, LONG_RUNNING,
 *                         ORDINARY); null for an ad-hoc check
 * @param contactDay       the business day (Asia/Shanghai) the contact was received: the check counts for that day
 * @param ratings          item code → rating 0..maxRating
 * @param criticalFailures the critical items rated 0: any of them zeroes the score
 * @param score            0–100, weighted over the scorecard's items; 0 when a critical item failed
 * @param comment          the reviewer's words, shown through evaluation's own API to those who may read the check;
 *                         never published (it may name the customer), so always absent on {@code evaluations}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpotCheckRecorded(String spotCheckId, String sampleId, String stratum, String contactId,
                                String caseId, String agentId, LocalDate contactDay, String scorecardVersion,
                                Map<String, Integer> ratings, int maxRating, List<String> criticalFailures,
                                double score, String comment, String reviewedBy, Instant reviewedAt) {
    public static final int SCHEMA_VERSION = 1;

    public SpotCheckRecorded {
        ratings = ratings == null ? Map.of() : Map.copyOf(ratings);
        criticalFailures = criticalFailures == null ? List.of() : List.copyOf(criticalFailures);
    }

    /** The check as it is published. */
    public SpotCheckRecorded withoutComment() {
        return new SpotCheckRecorded(spotCheckId, sampleId, stratum, contactId, caseId, agentId, contactDay,
                scorecardVersion, ratings, maxRating, criticalFailures, score, null, reviewedBy, reviewedAt);
    }
}
