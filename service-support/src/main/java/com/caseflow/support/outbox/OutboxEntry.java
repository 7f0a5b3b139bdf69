package com.caseflow.support.outbox;

import java.time.Instant;

/**
 * An event waiting to be published, stored inside the document whose change it announces: the state and its event
 * are one atomic write, with no multi-document transaction. Documents keep their pending entries in a list field
 * {@value Outbox#ENTRIES}, in the order they happened; the relay removes an entry once the broker acknowledged it.
 *
 * @param entryId   the entry's own id: one event can wait for several topics, each as its own entry
 * @param payload   the serialized envelope, exactly the bytes that go on the topic
 */
public record OutboxEntry(
        String entryId,
        String eventId,
        String type,
        String topic,
        String key,
        Instant occurredAt,
        String payload) {

    /** Payloads carry customers' names and numbers: they stay out of logs. */
    @Override
    public String toString() {
        return "OutboxEntry[eventId=" + eventId + ", type=" + type + ", topic=" + topic + "]";
    }
}
