package com.caseflow.events.followup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * The callback (回访) found the customer unsatisfied (satisfaction ≤ 2) or the matter not resolved; routing answers
 * with {@code CaseReopened}. On {@code followups}, key = case id.
 *
 * @param satisfaction 1–5 as the customer said, null when the customer only said the matter is not resolved
 * @param requestedBy  the member of staff who recorded the callback
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseReopenRequested(String caseId, String callbackId, Integer satisfaction, boolean resolvedInCustomerView,
                                  String comment, String requestedBy, Instant requestedAt) {

    public static final int SCHEMA_VERSION = 1;
}
