package com.caseflow.routing.support;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;

import java.time.Instant;
import java.util.UUID;

/** ContactReceived events as intake publishes them, with only what a test cares about to say. */
public final class Contacts {

    public static EventEnvelope<ContactReceived> call(String phone, String project, String unit,
                                                      ContactCategory category, String matter) {
        return contact(UUID.randomUUID().toString(), phone, project, unit, category, matter, false, Instant.now());
    }

    public static EventEnvelope<ContactReceived> settled(String phone, String matter) {
        return contact(UUID.randomUUID().toString(), phone, "SH-LJY", null, ContactCategory.INQUIRY, matter, true,
                Instant.now());
    }

    public static EventEnvelope<ContactReceived> contact(String contactId, String phone, String project, String unit,
                                                         ContactCategory category, String matter, boolean settled,
                                                         Instant receivedAt) {
        ContactReceived data = new ContactReceived(contactId, Channel.PHONE, "A001", receivedAt,
                receivedAt.minusSeconds(8), receivedAt.minusSeconds(2), 2, true, true, null, null, null, "王小明",
                CallerType.OWNER, phone, null, project, unit, matter, category, settled, true);
        return new EventEnvelope<>(UUID.randomUUID().toString(), EventTypes.CONTACT_RECEIVED,
                ContactReceived.SCHEMA_VERSION, receivedAt, contactId, contactId, data);
    }

    /** The same contact delivered again under a new event id, as a producer retry after a crash would. */
    public static EventEnvelope<ContactReceived> republished(EventEnvelope<ContactReceived> original) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), original.type(), original.schemaVersion(),
                original.occurredAt(), original.key(), original.correlationId(), original.data());
    }

    private Contacts() {
    }
}
