package com.caseflow.events.evaluation;

import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

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
public record SpotCheckRecorded(@Identifier String spotCheckId, @Identifier String sampleId,
                                @Identifier String stratum, @Identifier String contactId, @Identifier String caseId,
                                @Identifier String agentId, LocalDate contactDay,
                                @Identifier String scorecardVersion, @Size(max = 100) Map<String, Integer> ratings,
                                @Min(1) @Max(10) int maxRating, @Size(max = 100) List<String> criticalFailures,
                                @DecimalMin("0") @DecimalMax("100") double score, @Size(max = 2000) String comment,
                                @Identifier String reviewedBy, Instant reviewedAt) {
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
