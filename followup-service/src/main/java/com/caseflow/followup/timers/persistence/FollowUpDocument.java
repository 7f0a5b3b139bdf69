package com.caseflow.followup.timers.persistence;

import com.caseflow.followup.timers.domain.FollowedCase;
import com.caseflow.support.outbox.OutboxClaim;
import com.caseflow.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A followed case as stored: its state, a version for optimistic locking, the moment its next timer is due (null
 * when none is pending: the timer sweep reads only this field), its earliest deadline not yet met (what a
 * department's due list sorts and filters by) and the events of its latest changes in its outbox.
 */
@Document(FollowUpDocument.COLLECTION)
public record FollowUpDocument(@Id String id, long version, FollowedCase state, Instant nextDueAt, Instant openDueAt,
                               List<OutboxEntry> outbox, OutboxClaim outboxClaim) {

    public static final String COLLECTION = "follow_ups";
}
