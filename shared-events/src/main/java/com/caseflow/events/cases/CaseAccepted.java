package com.caseflow.events.cases;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/** A member of the department took ownership of the case: the first response. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseAccepted(String caseId, long sequence, String departmentCode, String acceptedBy,
                           Instant acceptedAt) {

    public static final int SCHEMA_VERSION = 1;
}
