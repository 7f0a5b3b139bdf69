package com.caseflow.events.cases;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * A resolved case is open again in the same department, with raised priority and new deadlines: the customer was
 * not satisfied or did not consider the matter resolved.
 *
 * @param requestEventId the follow-up service's reopen request this answers
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseReopened(String caseId, long sequence, String departmentCode, String reason, String requestEventId,
                           Priority priority, Deadlines deadlines, Instant reopenedAt) {

    public static final int SCHEMA_VERSION = 1;
}
