package com.caseflow.support.consumer;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.sealing.Keyring;
import com.caseflow.support.sealing.SealedFields;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.messaging.Message;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a record's envelope with Boot's JSON mapper, made tolerant of fields it does not know at every level (the
 * services refuse unknown fields in requests; events evolve by adding fields). A record that is not an envelope at
 * all is poison: it will never read differently, so it is refused for good. So is one whose content breaks the
 * constraints declared on the event records in {@code shared-events} (an enumeration value this service does not
 * know, an overlong text, a malformed id, a number out of range): the error names each field and constraint, never the
 * value, and the record goes to the dead-letter topic. Sealed fields ({@link com.caseflow.events.Sealed}) are opened
 * with the service's keyring; without any key they read as null; one that does not open in a service holding keys
 * (altered, moved from another field, sealed under a key it does not hold) makes the record poison, naming the field.
 */
public class EnvelopeReader {

    private final JsonMapper json;
    private final ObjectReader reader;
    private final Validator validator;

    /** A reader without keys: sealed fields read as null. */
    public EnvelopeReader(JsonMapper json) {
        this(json, Keyring.none());
    }

    public EnvelopeReader(JsonMapper json, Keyring keyring) {
        this(json, keyring, englishValidator());
    }

    public EnvelopeReader(JsonMapper json, Validator validator) {
        this(json, Keyring.none(), validator);
    }

    public EnvelopeReader(JsonMapper json, Keyring keyring, Validator validator) {
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(new SealedFields()).build();
        this.reader = this.json.reader().withAttribute(Keyring.ATTRIBUTE, keyring);
        this.validator = validator;
    }

    /** Dead-letter headers are read by engineers: the constraints' messages in English, without an EL engine. */
    private static Validator englishValidator() {
        return Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator(Set.of(Locale.ENGLISH), Locale.ENGLISH, false))
                .buildValidatorFactory().getValidator();
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
            EventEnvelope<T> envelope = reader.forType(type).readValue(message.getPayload());
            if (envelope == null) {
                throw new PoisonRecordException("empty record");
            }
            return valid(envelope, payload);
        } catch (SealedFields.SealedValueRefused e) {
            throw new PoisonRecordException("sealed field does not open" + where(e.getPath())
                    + " (altered, moved from another field, or sealed under a key this service does not hold)");
        } catch (JacksonException e) {
            // the message names the JSON problem's kind and place (an unknown enumeration value is one), never the
            // record's content
            throw new PoisonRecordException("not a readable event envelope: " + e.getClass().getSimpleName()
                    + where(e.getPath()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonRecordException("not a readable event envelope: " + e.getClass().getSimpleName());
        }
    }

    private <T> EventEnvelope<T> valid(EventEnvelope<T> envelope, Class<T> payload) {
        Set<ConstraintViolation<EventEnvelope<T>>> violations = validator.validate(envelope);
        if (violations.isEmpty()) {
            return envelope;
        }
        String fields = violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted()
                .collect(Collectors.joining("; "));
        throw new PoisonRecordException("invalid " + payload.getSimpleName() + ": " + fields);
    }

    private static String where(List<JacksonException.Reference> path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        StringBuilder at = new StringBuilder(" at ");
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                at.append(at.length() > 4 ? "." : "").append(abbreviate(reference.getPropertyName()));
            } else if (reference.getIndex() >= 0) {
                at.append('[').append(reference.getIndex()).append(']');
            }
        }
        return at.toString();
    }
}
