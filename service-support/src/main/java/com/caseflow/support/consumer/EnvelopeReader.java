package com.caseflow.support.consumer;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record's envelope with Boot's JSON mapper, made tolerant of fields it does not know at every level (the
 * services refuse unknown fields in requests; events evolve by adding fields). A record that is not an envelope at
 * all is poison: it will never read differently, so it is refused for good.
 */
public class EnvelopeReader {

    private final JsonMapper json;

    public EnvelopeReader(JsonMapper json) {
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /**
     * The record's event type: from its CloudEvents header, or from its envelope when it carries none. A type the contracts do not know is poison, not something to skip: it may be an event
     * a newer producer relies on, and in the dead-letter topic it can be replayed once this service knows it.
     */
    public String type(Message<byte[]> message) {
        String type = CloudEventMessageUtils.getType(message);
        if (type == null) {
            type = read(message, Object.class).type();
        }
        if (type == null || EventTypes.payloadOf(type).isEmpty()) {
            throw new PoisonRecordException("unknown event type '" + (type == null ? "" : abbreviate(type)) + "'");
        }
        return type;
    }

    private static String abbreviate(String type) {
        return type.length() <= 80 ? type : type.substring(0, 80) + "…";
    }

    public <T> EventEnvelope<T> read(Message<byte[]> message, Class<T> payload) {
        JavaType type = json.getTypeFactory().constructParametricType(EventEnvelope.class, payload);
        try {
            EventEnvelope<T> envelope = json.readValue(message.getPayload(), type);
            if (envelope == null) {
                throw new PoisonRecordException("empty record");
            }
            return envelope;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            // the message names the JSON problem's kind and place, never the record's content
            throw new PoisonRecordException("not a readable event envelope: " + e.getClass().getSimpleName());
        }
    }
}
