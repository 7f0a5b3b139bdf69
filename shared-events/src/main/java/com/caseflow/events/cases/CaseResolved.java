package com.caseflow.events.cases;

import com.caseflow.events.Sealed;
import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * The department resolved the case; its timers stop and the customer callback (回访) is due.
 *
 * @param contactIds every contact the resolution answers: the one that opened the case and all attached since
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseResolved(@Identifier String caseId, @PositiveOrZero long sequence,
                           @Identifier String departmentCode, @Identifier String resolvedBy,
                           @Sealed @Size(max = 2000) String resolution, @Size(max = 1000) List<String> contactIds,
                           Instant resolvedAt) {

    public static final int SCHEMA_VERSION = 1;
}
