package com.caseflow.followup.callbacks.persistence;

import com.caseflow.followup.callbacks.domain.Callback;
import com.caseflow.support.outbox.OutboxClaim;
import com.caseflow.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** A callback as stored, with a version for optimistic locking and the events of its attempts in its outbox. */
@Document(CallbackDocument.COLLECTION)
public record CallbackDocument(@Id String id, long version, Callback state, List<OutboxEntry> outbox,
                               OutboxClaim outboxClaim) {

    public static final String COLLECTION = "callbacks";
}
