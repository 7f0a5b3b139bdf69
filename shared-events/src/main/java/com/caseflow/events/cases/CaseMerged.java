package com.caseflow.events.cases;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * The case became part of a mass incident: its contacts now belong to {@code intoCaseId}, whose resolution answers
 * them all. A merged case is closed; its timers stop and it gets no callback of its own.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseMerged(String caseId, long sequence, String departmentCode, String intoCaseId, String incidentId,
                         Instant mergedAt) {

    public static final int SCHEMA_VERSION = 1;
}
