package com.caseflow.events.cases;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/** Progress on a case (跟进记录), in the words of the member of staff who wrote it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseNoteAdded(String caseId, long sequence, String departmentCode, String author, String note,
                            Instant addedAt) {

    public static final int SCHEMA_VERSION = 1;
}
