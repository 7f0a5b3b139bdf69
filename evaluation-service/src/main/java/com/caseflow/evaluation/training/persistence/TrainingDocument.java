package com.caseflow.evaluation.training.persistence;

import com.caseflow.evaluation.training.domain.TrainingAssignment;
import com.caseflow.support.outbox.OutboxClaim;
import com.caseflow.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/** One training assignment, with the events announcing it that await the relay. */
@Document(TrainingDocument.COLLECTION)
record TrainingDocument(@Id String id, long version, String agentId, String trainerId, String status,
                        Instant assignedAt, TrainingAssignment state, List<OutboxEntry> outbox,
                        OutboxClaim outboxClaim) {

    static final String COLLECTION = "training_assignments";
}
