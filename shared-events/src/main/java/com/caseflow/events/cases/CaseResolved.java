package com.caseflow.events.cases;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * The department resolved the case; its timers stop and the customer callback (回访) is due.
 *
 * @param contactIds every contact the resolution answers: the one that opened the case and all attached since
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseResolved(String caseId, long sequence, String departmentCode, String resolvedBy, String resolution,
                           List<String> contactIds, Instant resolvedAt) {

    public static final int SCHEMA_VERSION = 1;
}
