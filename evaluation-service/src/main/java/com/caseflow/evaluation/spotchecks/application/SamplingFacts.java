package com.caseflow.evaluation.spotchecks.application;

import com.caseflow.evaluation.spotchecks.domain.ContactFacts;
import com.caseflow.evaluation.spotchecks.persistence.SamplingFactsStore;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.call.CallEnded;
import com.caseflow.events.cases.CaseMerged;
import com.caseflow.events.cases.CaseReopened;
import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.CaseTransferred;
import com.caseflow.events.cases.ContactAttached;
import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.followup.CaseEscalated;
import com.caseflow.events.followup.CustomerFeedbackRecorded;
import com.caseflow.support.consumer.PoisonRecordException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Keeps what sampling needs from the contact, case and follow-up events: each contact's agent, day (the departments'
 * business calendar zone, as the day counters), channel, project, category and case; each case's flags. Every write is
 * a field-wise upsert, so redeliveries and the three topics' order change nothing. Called by the consumers next to the
 * day counters; an event lacking what sampling needs is skipped here (the counters decide whether it is poison).
 */
@Service
public class SamplingFacts {

    private final SamplingFactsStore store;
    private final ZoneId zone;

    public SamplingFacts(SamplingFactsStore store, Clock businessClock) {
        this.store = store;
        this.zone = businessClock.getZone();
    }

    public void contact(EventEnvelope<ContactReceived> envelope) {
        ContactReceived c = envelope.data();
        if (c == null || c.contactId() == null || c.agentId() == null || c.receivedAt() == null) {
            return;
        }
        store.contact(new ContactFacts(c.contactId(), c.agentId(), c.receivedAt().atZone(zone).toLocalDate(),
                c.channel() == null ? null : c.channel().name(), c.projectCode(),
                c.category() == null ? null : c.category().name(), null, c.settledAtFirstContact(), c.callId(),
                c.recordingUrl()));
    }

    /** The recording of an ended call, for the contact recorded from it (which may come before or after). */
    public void callEnded(EventEnvelope<CallEnded> envelope) {
        PoisonRecordException.requireReadable(envelope, CallEnded.SCHEMA_VERSION);
        CallEnded e = envelope.data();
        if (e == null || e.callId() == null || e.recordingUrl() == null || e.recordingUrl().isBlank()) {
            return;
        }
        store.recording(e.callId(), e.recordingUrl());
    }

    public void routed(EventEnvelope<CaseRouted> envelope) {
        CaseRouted r = envelope.data();
        if (r == null || r.caseId() == null) {
            return;
        }
        if (r.contactId() != null) {
            store.linkCase(r.contactId(), r.caseId());
        }
        store.deadline(r.caseId(), r.sequence(), resolutionDue(r.deadlines()), false);
    }

    public void attached(EventEnvelope<ContactAttached> envelope) {
        ContactAttached a = envelope.data();
        if (a == null || a.caseId() == null) {
            return;
        }
        if (a.contactId() != null) {
            store.linkCase(a.contactId(), a.caseId());
        }
        if (a.deadlines() != null) {
            store.deadline(a.caseId(), a.sequence(), a.deadlines().resolutionDue(), false);
        } else {
            store.sequence(a.caseId(), a.sequence());
        }
    }

    public void transferred(EventEnvelope<CaseTransferred> envelope) {
        CaseTransferred t = envelope.data();
        if (t == null || t.caseId() == null) {
            return;
        }
        store.deadline(t.caseId(), t.sequence(), resolutionDue(t.deadlines()), false);
    }

    public void resolved(EventEnvelope<CaseResolved> envelope) {
        CaseResolved r = envelope.data();
        if (r == null || r.caseId() == null || r.resolvedAt() == null) {
            return;
        }
        store.closed(r.caseId(), r.sequence(), r.resolvedAt(), true);
    }

    public void reopened(EventEnvelope<CaseReopened> envelope) {
        CaseReopened r = envelope.data();
        if (r == null || r.caseId() == null) {
            return;
        }
        store.deadline(r.caseId(), r.sequence(), resolutionDue(r.deadlines()), true);
    }

    /**
     * A case merged into an incident is closed. Its contacts stay linked to it: each contact is linked by the one
     * event that names it first (routed or attached), so the link never depends on the order of two partitions.
     */
    public void merged(EventEnvelope<CaseMerged> envelope) {
        PoisonRecordException.requireReadable(envelope, CaseMerged.SCHEMA_VERSION);
        CaseMerged m = envelope.data();
        if (m == null || m.caseId() == null || m.mergedAt() == null) {
            return;
        }
        store.closed(m.caseId(), m.sequence(), m.mergedAt(), false);
    }

    public void escalated(EventEnvelope<CaseEscalated> envelope) {
        CaseEscalated e = envelope.data();
        if (e == null || e.caseId() == null) {
            return;
        }
        store.escalated(e.caseId());
    }

    public void feedback(EventEnvelope<CustomerFeedbackRecorded> envelope) {
        CustomerFeedbackRecorded f = envelope.data();
        if (f == null || f.caseId() == null || !f.reached()) {
            return;
        }
        store.feedback(f.caseId(), f.satisfaction(), Boolean.FALSE.equals(f.resolvedInCustomerView()));
    }

    private static Instant resolutionDue(Deadlines deadlines) {
        return deadlines == null ? null : deadlines.resolutionDue();
    }
}
