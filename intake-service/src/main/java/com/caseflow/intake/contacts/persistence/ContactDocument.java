package com.caseflow.intake.contacts.persistence;

import com.caseflow.intake.contacts.domain.Contact;
import com.caseflow.support.outbox.OutboxClaim;
import com.caseflow.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * A contact as stored: the contact, the fingerprint of the request that created it (to answer a retried
 * Idempotency-Key) and the pending {@code ContactReceived} in its outbox — all in one document, written at once.
 */
@Document(ContactDocument.COLLECTION)
public record ContactDocument(@Id String id, Contact contact, String requestFingerprint, List<OutboxEntry> outbox,
                              OutboxClaim outboxClaim) {

    public static final String COLLECTION = "contacts";
}
