package com.caseflow.routing.cases.application;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.support.consumer.PoisonRecordException;

import java.util.ArrayList;
import java.util.List;

/**
 * A record that deserialised is not yet a contact: the stream's JSON reader fills missing fields with nulls. What
 * routing relies on is checked here, and a record without it is refused for good.
 */
final class ContactChecks {

    static ContactReceived routable(EventEnvelope<ContactReceived> envelope) {
        if (!EventTypes.CONTACT_RECEIVED.equals(envelope.type())) {
            throw new PoisonRecordException("not a contact: type " + envelope.type());
        }
        PoisonRecordException.requireReadable(envelope, ContactReceived.SCHEMA_VERSION);
        ContactReceived c = envelope.data();
        if (c == null) {
            throw new PoisonRecordException("no data");
        }
        List<String> missing = new ArrayList<>();
        require(missing, "contactId", c.contactId());
        require(missing, "channel", c.channel());
        require(missing, "agentId", c.agentId());
        require(missing, "receivedAt", c.receivedAt());
        require(missing, "phone", c.phone());
        require(missing, "projectCode", c.projectCode());
        require(missing, "category", c.category());
        require(missing, "matter", c.matter());
        if (!missing.isEmpty()) {
            throw new PoisonRecordException("missing " + String.join(", ", missing));
        }
        if (!c.contactId().equals(envelope.key())) {
            throw new PoisonRecordException("envelope key is not the contact id");
        }
        return c;
    }

    private static void require(List<String> missing, String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            missing.add(field);
        }
    }

    private ContactChecks() {
    }
}
