package com.caseflow.evaluation.aggregates.application;

import com.caseflow.evaluation.aggregates.domain.CaseFacts;
import com.caseflow.evaluation.aggregates.domain.Folding;
import com.caseflow.evaluation.aggregates.domain.SourcePosition;
import com.caseflow.evaluation.aggregates.persistence.AggregateStore;
import com.caseflow.evaluation.aggregates.persistence.CaseFactsStore;
import com.caseflow.evaluation.aggregates.persistence.DeadlineDecisions;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.call.CallAbandoned;
import com.caseflow.events.call.CallAnswered;
import com.caseflow.events.call.CallOffered;
import com.caseflow.events.call.CallRinging;
import com.caseflow.events.cases.CaseAccepted;
import com.caseflow.events.cases.CaseReopened;
import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.CaseTransferred;
import com.caseflow.events.cases.ContactAttached;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.evaluation.SpotCheckRecorded;
import com.caseflow.events.followup.CaseEscalated;
import com.caseflow.events.followup.CustomerFeedbackRecorded;
import com.caseflow.support.consumer.PoisonRecordException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Folds every event into the day counters of agents, departments and projects. A case event's counters are added
 * before the case's facts move on: should the service stop in between, the redelivered event is folded from the same
 * facts again and counted nowhere twice.
 */
@Service
public class EventFolder {

    private final Folding folding;
    private final AggregateStore aggregates;
    private final CaseFactsStore facts;
    private final DeadlineDecisions deadlines;
    private final Clock clock;

    public EventFolder(Folding folding, AggregateStore aggregates, CaseFactsStore facts, DeadlineDecisions deadlines,
                       Clock clock) {
        this.folding = folding;
        this.aggregates = aggregates;
        this.facts = facts;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public void contact(EventEnvelope<ContactReceived> envelope, SourcePosition at) {
        ContactReceived c = readable(envelope, ContactReceived.SCHEMA_VERSION);
        if (c.agentId() == null || c.receivedAt() == null || c.channel() == null) {
            throw new PoisonRecordException("ContactReceived without agent, channel or time");
        }
        apply(envelope, at, folding.contact(c));
    }

    public void routed(EventEnvelope<CaseRouted> envelope, SourcePosition at) {
        CaseRouted r = readable(envelope, CaseRouted.SCHEMA_VERSION);
        if (r.departmentCode() == null || r.routedAt() == null || r.agentId() == null) {
            throw new PoisonRecordException("CaseRouted without department, agent or time");
        }
        if (facts.find(r.caseId()).isPresent()) {
            completeMarking(envelope);
            return;
        }
        apply(envelope, at, folding.routed(r));
    }

    public void attached(EventEnvelope<ContactAttached> envelope, SourcePosition at) {
        ContactAttached a = readable(envelope, ContactAttached.SCHEMA_VERSION);
        onCase(envelope, at, a.caseId(), a.sequence(), f -> folding.attached(a, f));
    }

    public void accepted(EventEnvelope<CaseAccepted> envelope, SourcePosition at) {
        CaseAccepted a = readable(envelope, CaseAccepted.SCHEMA_VERSION);
        required(a.acceptedAt());
        onCase(envelope, at, a.caseId(), a.sequence(), f -> folding.accepted(a, f));
    }

    public void transferred(EventEnvelope<CaseTransferred> envelope, SourcePosition at) {
        CaseTransferred t = readable(envelope, CaseTransferred.SCHEMA_VERSION);
        required(t.transferredAt());
        onCase(envelope, at, t.caseId(), t.sequence(), f -> folding.transferred(t, f));
    }

    public void resolved(EventEnvelope<CaseResolved> envelope, SourcePosition at) {
        CaseResolved r = readable(envelope, CaseResolved.SCHEMA_VERSION);
        required(r.resolvedAt());
        onCase(envelope, at, r.caseId(), r.sequence(), f -> folding.resolved(r, f));
    }

    public void reopened(EventEnvelope<CaseReopened> envelope, SourcePosition at) {
        CaseReopened r = readable(envelope, CaseReopened.SCHEMA_VERSION);
        required(r.reopenedAt());
        onCase(envelope, at, r.caseId(), r.sequence(), f -> folding.reopened(r, f));
    }

    public void escalated(EventEnvelope<CaseEscalated> envelope, SourcePosition at) {
        CaseEscalated e = readable(envelope, CaseEscalated.SCHEMA_VERSION);
        if (e.departmentCode() == null || e.escalatedAt() == null) {
            throw new PoisonRecordException("CaseEscalated without department or time");
        }
        apply(envelope, at, folding.escalated(e, facts.find(e.caseId()).map(CaseFacts::clockStartedAt).orElse(null)));
    }

    public void feedback(EventEnvelope<CustomerFeedbackRecorded> envelope, SourcePosition at) {
        CustomerFeedbackRecorded f = readable(envelope, CustomerFeedbackRecorded.SCHEMA_VERSION);
        if (f.recordedAt() == null) {
            throw new PoisonRecordException("CustomerFeedbackRecorded without time");
        }
        apply(envelope, at, folding.feedback(f));
    }

    public void spotCheck(EventEnvelope<SpotCheckRecorded> envelope, SourcePosition at) {
        SpotCheckRecorded s = readable(envelope, SpotCheckRecorded.SCHEMA_VERSION);
        if (s.agentId() == null || s.contactDay() == null) {
            throw new PoisonRecordException("SpotCheckRecorded without agent or day");
        }
        apply(envelope, at, folding.spotCheck(s));
    }

    /**
     * The phone platform's facts count by what they are about, not by their event id: a call is offered, answered on
     * its hotline and abandoned once, rings at an agent once and is answered by an agent once, however often (and
     * under whichever event id) the fact comes again.
     */
    public void offered(EventEnvelope<CallOffered> envelope, SourcePosition at) {
        CallOffered c = readable(envelope, CallOffered.SCHEMA_VERSION);
        if (c.callId() == null || c.hotline() == null || c.offeredAt() == null) {
            throw new PoisonRecordException("CallOffered without call, hotline or time");
        }
        apply(callFact(c.callId(), "offered"), at, folding.offered(c));
    }

    public void ringing(EventEnvelope<CallRinging> envelope, SourcePosition at) {
        CallRinging r = readable(envelope, CallRinging.SCHEMA_VERSION);
        if (r.callId() == null || r.agentId() == null || r.offeredAt() == null && r.ringStartedAt() == null) {
            throw new PoisonRecordException("CallRinging without call, agent or time");
        }
        apply(callFact(r.callId(), "rang", r.agentId()), at,
                folding.rang(r.agentId(), r.offeredAt(), r.ringStartedAt()));
    }

    /** An answer also counts the ring at the agent, should its CallRinging be missing (counted once either way). */
    public void answered(EventEnvelope<CallAnswered> envelope, SourcePosition at) {
        CallAnswered a = readable(envelope, CallAnswered.SCHEMA_VERSION);
        if (a.callId() == null || a.hotline() == null || a.agentId() == null || a.offeredAt() == null
                || a.answeredAt() == null) {
            throw new PoisonRecordException("CallAnswered without call, hotline, agent or times");
        }
        apply(callFact(a.callId(), "rang", a.agentId()), at,
                folding.rang(a.agentId(), a.offeredAt(), a.ringStartedAt()));
        apply(callFact(a.callId(), "answered-by", a.agentId()), at.step(1), folding.answeredByAgent(a));
        apply(callFact(a.callId(), "answered"), at.step(2), folding.answeredOnHotline(a));
    }

    public void abandoned(EventEnvelope<CallAbandoned> envelope, SourcePosition at) {
        CallAbandoned a = readable(envelope, CallAbandoned.SCHEMA_VERSION);
        if (a.callId() == null || a.hotline() == null || a.offeredAt() == null) {
            throw new PoisonRecordException("CallAbandoned without call, hotline or time");
        }
        apply(callFact(a.callId(), "abandoned"), at, folding.abandoned(a));
    }

    private static String callFact(String... parts) {
        return "call|" + String.join("|", parts);
    }

    private void onCase(EventEnvelope<?> envelope, SourcePosition at, String caseId, long sequence,
                        Function<CaseFacts, Folding.Folded> fold) {
        Optional<CaseFacts> known = facts.find(caseId);
        if (known.isEmpty()) {
            throw new PoisonRecordException("an event for case " + caseId + " whose CaseRouted was never seen");
        }
        if (sequence < known.get().sequence()) {
            return;
        }
        if (sequence == known.get().sequence()) {
            completeMarking(envelope);
            return;
        }
        apply(envelope, at, fold.apply(known.get()));
    }

    /**
     * The case's facts already moved past this event: it was counted, and only a crash after the facts were saved can
     * have left it unmarked.
     */
    private void completeMarking(EventEnvelope<?> envelope) {
        if (!aggregates.folded(envelope.eventId())) {
            aggregates.markFolded(envelope.eventId(), clock.instant());
        }
    }

    private void apply(EventEnvelope<?> envelope, SourcePosition at, Folding.Folded event) {
        apply(envelope.eventId(), at, event);
    }

    /**
     * @param foldId what the deltas are counted once for: the event's id, or a call fact's own key
     * @param at     the record's position, which each counter document takes its deltas at once
     */
    private void apply(String foldId, SourcePosition at, Folding.Folded event) {
        if (aggregates.folded(foldId)) {
            return;
        }
        Folding.Folded folded = event.decides() == null || deadlines.claim(event.decides().key(), foldId)
                ? event : event.withoutDeadline();
        folded.agents().forEach(d -> aggregates.addAgent(d.agentId(), d.day(), at, d.add()));
        folded.departments().forEach(d -> aggregates.addDepartment(d.departmentCode(), d.day(), at, d.add()));
        folded.projects().forEach(d -> aggregates.addProject(d.projectCode(), d.day(), at, d.add()));
        folded.hotlines().forEach(d -> aggregates.addHotline(d.hotline(), d.day(), d.hour(), at, d.add()));
        if (folded.facts() != null) {
            facts.save(folded.facts());
        }
        aggregates.markFolded(foldId, clock.instant());
    }

    private static <T> T readable(EventEnvelope<T> envelope, int version) {
        PoisonRecordException.requireReadable(envelope, version);
        if (envelope.data() == null) {
            throw new PoisonRecordException(envelope.type() + " without data");
        }
        return envelope.data();
    }

    private static void required(Object at) {
        if (at == null) {
            throw new PoisonRecordException("a case event without its time");
        }
    }
}
