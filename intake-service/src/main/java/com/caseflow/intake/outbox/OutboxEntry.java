package com.caseflow.intake.outbox;

import java.time.Instant;

/**
 * An event waiting to be published, stored inside the document whose change it announces: the state and its event
 * are one atomic write, with no multi-document transaction. The relay publishes it and then marks it published.
 *
 * @param payload      the serialized envelope, exactly the bytes that go on the topic
 * @param claimedBy    the relay instance that may publish it until {@code claimedUntil} (see {@link OutboxLease})
 */
public record OutboxEntry(
        String eventId,
        String type,
        String topic,
        String key,
        Instant occurredAt,
        String payload,
        Status status,
        int attempts,
        String lastError,
        Instant publishedAt,
        String claimedBy,
        Instant claimedUntil) {

    public enum Status { PENDING, PUBLISHED }

    /** The payload carries the customer's name and number: it stays out of logs. */
    @Override
    public String toString() {
        return "OutboxEntry[eventId=" + eventId + ", type=" + type + ", status=" + status + "]";
    }

    public static OutboxEntry pending(String eventId, String type, String topic, String key, Instant occurredAt,
                                      String payload, String claimedBy, Instant claimedUntil) {
        return new OutboxEntry(eventId, type, topic, key, occurredAt, payload, Status.PENDING, 0, null, null,
                claimedBy, claimedUntil);
    }
}
