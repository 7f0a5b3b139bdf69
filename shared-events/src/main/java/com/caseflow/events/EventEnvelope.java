package com.caseflow.events;

import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Objects;

/**
 * What every record on every topic carries: the identity and time of the event next to its payload.
 *
 * @param eventId       unique id of this event; consumers remember it to ignore redeliveries (also {@code ce_id})
 * @param type          stable type name such as {@code caseflow.contact.received.v1} (also {@code ce_type})
 * @param schemaVersion version of the payload's schema; additive changes keep it, breaking ones get a new type
 * @param occurredAt    when the fact happened (also {@code ce_time})
 * @param key           the Kafka key it is published under: the contact or case id
 * @param correlationId ties together everything that follows from one contact
 * @param data          the event itself
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope<T>(
        @Identifier String eventId,
        @Size(max = 128) String type,
        @Min(1) int schemaVersion,
        Instant occurredAt,
        @Identifier String key,
        @Identifier String correlationId,
        @Valid T data) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(key, "key");
    }
}
