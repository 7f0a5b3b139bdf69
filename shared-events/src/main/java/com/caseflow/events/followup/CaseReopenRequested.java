package com.caseflow.events.followup;

import com.caseflow.events.Sealed;
import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * The callback (回访) found the customer unsatisfied (satisfaction ≤ 2) or the matter not resolved; routing answers
 * with {@code CaseReopened}. On {@code followups}, key = case id.
 *
 * @param satisfaction     1–5 as the customer said, null when the customer only said the matter is not resolved
 * @param requestedBy      the member of staff who recorded the callback
 * @param requestedAt      when, on follow-up's clock: for people to read, never compared with routing's times
 * @param resolvedSequence the {@code sequence} of the {@code CaseResolved} the callback followed (the resolution's
 *                         position in the case's history): routing reopens the case only while that resolution is
 *                         its current one, so a late request about an earlier resolution changes nothing. Null in
 *                         requests published before the field existed; routing then reopens a resolved case.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseReopenRequested(@Identifier String caseId, @Identifier String callbackId,
                                  @Min(1) @Max(5) Integer satisfaction, boolean resolvedInCustomerView,
                                  @Sealed @Size(max = 2000) String comment, @Identifier String requestedBy,
                                  Instant requestedAt, Long resolvedSequence) {

    public static final int SCHEMA_VERSION = 1;
}
