package com.caseflow.intake.contacts.application;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.contact.TimingSource;
import com.caseflow.intake.contacts.domain.Contact;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxEntry;
import com.caseflow.support.sealing.CustomerTokens;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Turns a recorded contact into the {@code ContactReceived} it announces, ready for the outbox: with the customer's
 * token, so that consumers without the sealing key can still tell customers apart.
 */
@Component
class ContactEvents {

    private final Outbox outbox;
    private final CustomerTokens tokens;

    ContactEvents(Outbox outbox, CustomerTokens tokens) {
        this.outbox = outbox;
        this.tokens = tokens;
    }

    OutboxEntry received(Contact contact) {
        Contact.CallDetails call = contact.call();
        Contact.VisitDetails visit = contact.visit();
        ContactReceived event = new ContactReceived(
                contact.id(),
                contact.channel(),
                contact.agentId(),
                contact.receivedAt(),
                call == null ? null : call.ringStartedAt(),
                call == null ? null : call.answeredAt(),
                call == null ? null : call.ringCount(),
                call == null ? null : call.answeredWithinThreeRings(),
                call == null ? null : call.greetingGiven(),
                visit == null ? null : visit.arrivedAt(),
                visit == null ? null : visit.greetedAt(),
                visit == null ? null : visit.hostedBy(),
                contact.customerName(),
                contact.callerType(),
                contact.phone(),
                visit == null ? null : visit.organisation(),
                contact.projectCode(),
                contact.unit(),
                contact.matter(),
                contact.category(),
                contact.settledAtFirstContact(),
                contact.recordComplete(),
                call == null ? null : call.callId(),
                call == null ? null : call.timing() == null ? TimingSource.SELF_REPORTED : call.timing(),
                call == null ? null : call.recordingUrl())
                .withCustomerToken(tokens.of(contact.phone()).orElse(null));
        String eventId = UUID.randomUUID().toString();
        EventEnvelope<ContactReceived> envelope = new EventEnvelope<>(eventId, EventTypes.CONTACT_RECEIVED,
                ContactReceived.SCHEMA_VERSION, contact.receivedAt(), contact.id(), contact.id(), event);
        return outbox.entry(Topics.CONTACTS, envelope);
    }
}
