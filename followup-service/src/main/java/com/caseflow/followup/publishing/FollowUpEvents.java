package com.caseflow.followup.publishing;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxEntry;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Wraps the service's events for the outbox, on {@code followups} with the case id as key. Each event's id is derived
 * from what it announces (a case's timer, a callback's attempt): should the same fact be produced twice, consumers
 * see the same id and keep one.
 */
@Component
public class FollowUpEvents {

    private final Outbox outbox;

    public FollowUpEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public OutboxEntry entry(String caseId, String factId, Object event, Instant at) {
        String eventId = UUID.nameUUIDFromBytes(("followup/" + caseId + "/" + factId)
                .getBytes(StandardCharsets.UTF_8)).toString();
        EventEnvelope<Object> envelope = new EventEnvelope<>(eventId, EventTypes.nameOf(event), 1, at, caseId, caseId,
                event);
        return outbox.entry(Topics.FOLLOWUPS, envelope);
    }
}
