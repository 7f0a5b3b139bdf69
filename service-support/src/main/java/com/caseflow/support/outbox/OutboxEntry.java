package com.caseflow.support.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An event waiting to be published, stored inside the document whose change it announces: the state and its event
 * are one atomic write, with no multi-document transaction. Documents keep their pending entries in a list field
 * {@value Outbox#ENTRIES}, in the order they happened; the relay removes an entry once every one of its topics
 * acknowledged it.
 *
 * @param entryId      the entry's own id (the event's)
 * @param topics       every topic the event goes to, e.g. {@code cases} and the department's own topic
 * @param payload      the serialized envelope, exactly the bytes that go on each topic — stored once
 * @param acknowledged the topics that already acknowledged the entry: a retry sends only to the others
 * @param attempts     rounds in which a topic of this entry failed while the broker answered
 * @param lastError    the kind of the last failure and its topic (never a message: it may quote the payload)
 * @param parkedAt     when the relay stopped trying; set, the entry waits for an operator's retry
 */
public record OutboxEntry(
        String entryId,
        String eventId,
        String type,
        List<String> topics,
        String key,
        Instant occurredAt,
        String payload,
        List<String> acknowledged,
        Integer attempts,
        String lastError,
        Instant parkedAt) {

    public OutboxEntry {
        topics = List.copyOf(topics);
        acknowledged = acknowledged == null ? List.of() : List.copyOf(acknowledged);
        attempts = attempts == null ? 0 : attempts;
    }

    public OutboxEntry(String entryId, String eventId, String type, List<String> topics, String key,
                       Instant occurredAt, String payload) {
        this(entryId, eventId, type, topics, key, occurredAt, payload, List.of(), 0, null, null);
    }

    public boolean parked() {
        return parkedAt != null;
    }

    /** The topics still waiting for this entry, in the order they were named. */
    public List<String> unacknowledged() {
        List<String> open = new ArrayList<>(topics);
        open.removeAll(acknowledged);
        return open;
    }

    /** Payloads carry customers' names and numbers: they stay out of logs. */
    @Override
    public String toString() {
        return "OutboxEntry[eventId=" + eventId + ", type=" + type + ", topics=" + topics + ", acknowledged="
                + acknowledged + ", attempts=" + attempts + (parked() ? ", parked" : "") + "]";
    }
}
