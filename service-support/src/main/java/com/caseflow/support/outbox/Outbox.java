package com.caseflow.support.outbox;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.sealing.Keyring;
import com.caseflow.support.sealing.SealedFields;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a service's stores use to put events in their documents' outboxes: the entry to write with the state change,
 * the claim to write next to it, and the hand-off to the relay once the write succeeded.
 */
public class Outbox {

    /** The list field of pending entries, on every document type that has an outbox. */
    public static final String ENTRIES = "outbox";
    /** The {@link OutboxClaim} field next to it. */
    public static final String CLAIM = "outboxClaim";
    /** How often publishing the document's entries failed, and the kind of the last failure (never its message). */
    public static final String ATTEMPTS = "outboxAttempts";
    public static final String LAST_ERROR = "outboxLastError";

    private final String owner = UUID.randomUUID().toString();
    private final ObjectWriter json;
    private final OutboxProperties properties;
    private final Clock clock;
    private volatile OutboxRelay relay;

    /**
     * Events are written with Boot's mapper and the {@link SealedFields} sealed under the keyring: the payload in the
     * store and on the topics never holds them in the clear.
     */
    public Outbox(JsonMapper json, Keyring keyring, OutboxProperties properties, Clock clock) {
        this.json = json.rebuild().addModule(new SealedFields()).build().writer()
                .withAttribute(Keyring.ATTRIBUTE, keyring);
        this.properties = properties;
        this.clock = clock;
    }

    public OutboxEntry entry(String topic, EventEnvelope<?> envelope) {
        return entry(List.of(topic), envelope);
    }

    /** One event for several topics, its payload stored once. */
    public OutboxEntry entry(List<String> topics, EventEnvelope<?> envelope) {
        return new OutboxEntry(envelope.eventId(), envelope.eventId(), envelope.type(), topics, envelope.key(),
                envelope.occurredAt(), json.writeValueAsString(envelope));
    }

    /** The claim the writing instance stores with new entries. */
    public OutboxClaim claim() {
        return claim(clock.instant());
    }

    OutboxClaim claim(Instant now) {
        return new OutboxClaim(owner, now.plus(properties.lease()));
    }

    String owner() {
        return owner;
    }

    /**
     * Tells the relay that a changed document now has pending entries, so they are published at once instead of on
     * the next sweep; the relay reads them from the document, in the order they were written. Losing this loses
     * nothing: the entries are in the store, and a sweep finds them.
     */
    public void stored(String collection, String documentId) {
        handOver(collection, documentId, null);
    }

    /**
     * Hands the entries of a just-inserted document to the relay as they are: a new document has no earlier entries
     * to keep in order with, so the relay need not read it back.
     */
    public void inserted(String collection, String documentId, List<OutboxEntry> entries) {
        handOver(collection, documentId, List.copyOf(entries));
    }

    private void handOver(String collection, String documentId, List<OutboxEntry> entries) {
        OutboxRelay current = relay;
        if (current != null) {
            current.handOver(collection, documentId, entries);
        }
    }

    void attach(OutboxRelay relay) {
        this.relay = relay;
    }
}
