package com.caseflow.support.outbox;

import java.time.Instant;
import java.util.List;

/**
 * An event waiting to be published, stored inside the document whose change it announces: the state and its event
 * are one atomic write, with no multi-document transaction. Documents keep their pending entries in a list field
 * {@value Outbox#ENTRIES}, in the order they happened; the relay removes an entry once the broker acknowledged it.
 *
 * @param entryId   the entry's own id (the event's)
 * @param topics    every topic the event goes to, e.g. {@code cases} and the department's own topic; the entry is
 *                  published when all of them acknowledged it
 * @param payload   the serialized envelope, exactly the bytes that go on each topic — stored once
 */
public record OutboxEntry(
        String entryId,
        String eventId,
        String type,
        List<String> topics,
        String key,
        Instant occurredAt,
        String payload) {

    public OutboxEntry {
        topics = List.copyOf(topics);
    }

    /** Payloads carry customers' names and numbers: they stay out of logs. */
    @Override
    public String toString() {
        return "OutboxEntry[eventId=" + eventId + ", type=" + type + ", topics=" + topics + "]";
    }
}
