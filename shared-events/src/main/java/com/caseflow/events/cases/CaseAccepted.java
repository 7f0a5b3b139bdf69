package com.caseflow.events.cases;

import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.PositiveOrZero;

import java.time.Instant;

/** A member of the department took ownership of the case: the first response. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseAccepted(@Identifier String caseId, @PositiveOrZero long sequence,
                           @Identifier String departmentCode, @Identifier String acceptedBy, Instant acceptedAt) {

    public static final int SCHEMA_VERSION = 1;
}
