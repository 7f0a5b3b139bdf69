package com.caseflow.intake.calls.persistence;

import com.caseflow.intake.calls.domain.Call;
import com.caseflow.support.outbox.OutboxClaim;
import com.caseflow.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * A call as stored: its state, the platform's event ids applied to it (a repeat changes nothing) and the facts about
 * it still to publish — one document, so state and facts are written at once.
 */
@Document(CallDocument.COLLECTION)
public record CallDocument(@Id String id, long version, Call call, List<String> eventIds, List<OutboxEntry> outbox,
                           OutboxClaim outboxClaim) {

    public static final String COLLECTION = "calls";
}
