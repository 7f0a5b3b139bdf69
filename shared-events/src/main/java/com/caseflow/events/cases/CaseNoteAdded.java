package com.caseflow.events.cases;

import com.caseflow.events.Sealed;
import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Progress on a case (跟进记录), in the words of the member of staff who wrote it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseNoteAdded(@Identifier String caseId, @PositiveOrZero long sequence,
                            @Identifier String departmentCode, String author, @Sealed @Size(max = 2000) String note,
                            Instant addedAt) {

    public static final int SCHEMA_VERSION = 1;
}
