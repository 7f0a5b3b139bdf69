package com.caseflow.evaluation.teams.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/** A supervisor's team as stored, with a version for optimistic locking. */
@Document(TeamDocument.COLLECTION)
record TeamDocument(@Id String supervisorId, long version, List<String> members, String changedBy,
                    Instant changedAt) {

    static final String COLLECTION = "teams";
}
