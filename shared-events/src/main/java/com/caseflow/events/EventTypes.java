package com.caseflow.events;

import com.caseflow.events.contact.ContactReceived;

import java.util.Map;
import java.util.Optional;

/**
 * The wire identity of each event: a stable type name, never a Java class name. A breaking change is a new name
 * ({@code …v2}); readers skip names they do not know.
 */
public final class EventTypes {

    public static final String CONTACT_RECEIVED = "caseflow.contact.received.v1";

    private static final Map<String, Class<?>> PAYLOADS = Map.of(
            CONTACT_RECEIVED, ContactReceived.class);

    /** The payload class for a type name, empty for a type this version of the contracts does not know. */
    public static Optional<Class<?>> payloadOf(String type) {
        return Optional.ofNullable(PAYLOADS.get(type));
    }

    private EventTypes() {
    }
}
