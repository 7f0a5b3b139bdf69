package com.caseflow.events.cases;

import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.PositiveOrZero;

import java.time.Instant;

/**
 * The case became part of a mass incident: its contacts now belong to {@code intoCaseId}, whose resolution answers
 * them all. A merged case is closed; its timers stop and it gets no callback of its own.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseMerged(@Identifier String caseId, @PositiveOrZero long sequence, @Identifier String departmentCode,
                         @Identifier String intoCaseId, @Identifier String incidentId, Instant mergedAt) {

    public static final int SCHEMA_VERSION = 1;
}
