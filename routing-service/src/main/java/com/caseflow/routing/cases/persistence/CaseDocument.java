package com.caseflow.routing.cases.persistence;

import com.caseflow.routing.cases.domain.Case;
import com.caseflow.support.outbox.OutboxClaim;
import com.caseflow.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * A case as stored: its state, a version for optimistic locking, and the events of its latest steps waiting in its
 * outbox — one document, so a step and its event are one write. {@code priorityRank} sorts a queue most urgent
 * first (the priority itself is stored by name).
 */
@Document(CaseDocument.COLLECTION)
public record CaseDocument(@Id String id, long version, Case state, int priorityRank, List<OutboxEntry> outbox,
                           OutboxClaim outboxClaim) {

    public static final String COLLECTION = "cases";
}
