package com.caseflow.followup.timers.application;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.cases.CaseAccepted;
import com.caseflow.events.cases.CaseMerged;
import com.caseflow.events.cases.CaseReopened;
import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.CaseTransferred;
import com.caseflow.events.cases.ContactAttached;
import com.caseflow.followup.callbacks.application.Callbacks;
import com.caseflow.followup.timers.domain.FollowUpPlan;
import com.caseflow.followup.timers.domain.FollowedCase;
import com.caseflow.followup.timers.domain.WorkingTime;
import com.caseflow.followup.timers.persistence.FollowUpStore;
import com.caseflow.support.consumer.PoisonRecordException;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns routing's case events into deadlines and timers: routed, accepted (first response met), transferred (new
 * deadlines for the new department), resolved (timers stop, callbacks queued), reopened (new deadlines, callbacks not
 * yet made withdrawn), merged (timers stop). Each event is applied once: a case remembers the sequence it reached.
 */
@Service
public class CaseFollowUps {

    private final FollowUpStore store;
    private final FollowUpChanges changes;
    private final Callbacks callbacks;
    private final FollowUpPlan plan;
    private final WorkingTime time;

    public CaseFollowUps(FollowUpStore store, FollowUpChanges changes, Callbacks callbacks, FollowUpPlan plan,
                         WorkingTime time) {
        this.store = store;
        this.changes = changes;
        this.callbacks = callbacks;
        this.plan = plan;
        this.time = time;
    }

    public void routed(EventEnvelope<CaseRouted> envelope) {
        CaseRouted routed = checked(envelope, CaseRouted.SCHEMA_VERSION, CaseRouted::caseId);
        if (routed.departmentCode() == null || routed.routedAt() == null || routed.sequence() < 1) {
            throw new PoisonRecordException("CaseRouted without department, time or sequence");
        }
        store.insert(FollowedCase.routed(routed, plan, time));
    }

    public void attached(EventEnvelope<ContactAttached> envelope) {
        ContactAttached attached = checked(envelope, ContactAttached.SCHEMA_VERSION, ContactAttached::caseId);
        required(envelope, attached.sequence(), attached.attachedAt(), attached.contactId());
        apply(attached.caseId(), attached.sequence(), c -> c.attached(attached, plan, time));
    }

    public void accepted(EventEnvelope<CaseAccepted> envelope) {
        CaseAccepted accepted = checked(envelope, CaseAccepted.SCHEMA_VERSION, CaseAccepted::caseId);
        required(envelope, accepted.sequence(), accepted.acceptedAt(), accepted.acceptedBy());
        apply(accepted.caseId(), accepted.sequence(), c -> c.accepted(accepted));
    }

    public void transferred(EventEnvelope<CaseTransferred> envelope) {
        CaseTransferred transferred = checked(envelope, CaseTransferred.SCHEMA_VERSION, CaseTransferred::caseId);
        required(envelope, transferred.sequence(), transferred.transferredAt(), transferred.toDepartment());
        apply(transferred.caseId(), transferred.sequence(), c -> c.transferred(transferred, plan, time));
    }

    /**
     * The callbacks are queued before the case records the resolution: should the service stop in between, the
     * redelivered event finds the resolution not yet applied and queues them again, which changes nothing.
     */
    public void resolved(EventEnvelope<CaseResolved> envelope) {
        CaseResolved resolved = checked(envelope, CaseResolved.SCHEMA_VERSION, CaseResolved::caseId);
        required(envelope, resolved.sequence(), resolved.resolvedAt(), resolved.departmentCode());
        FollowedCase known = store.find(resolved.caseId()).orElseThrow(() -> unknown(resolved.caseId())).state();
        if (!known.hasApplied(resolved.sequence())) {
            callbacks.queue(known, resolved);
        }
        apply(resolved.caseId(), resolved.sequence(), c -> c.resolved(resolved));
    }

    public void reopened(EventEnvelope<CaseReopened> envelope) {
        CaseReopened reopened = checked(envelope, CaseReopened.SCHEMA_VERSION, CaseReopened::caseId);
        required(envelope, reopened.sequence(), reopened.reopenedAt(), reopened.departmentCode());
        FollowedCase known = store.find(reopened.caseId()).orElseThrow(() -> unknown(reopened.caseId())).state();
        if (!known.hasApplied(reopened.sequence())) {
            callbacks.supersede(reopened.caseId(), reopened.reopenedAt());
        }
        apply(reopened.caseId(), reopened.sequence(), c -> c.reopened(reopened, plan, time));
    }

    public void merged(EventEnvelope<CaseMerged> envelope) {
        CaseMerged merged = checked(envelope, CaseMerged.SCHEMA_VERSION, CaseMerged::caseId);
        required(envelope, merged.sequence(), merged.mergedAt(), merged.intoCaseId());
        apply(merged.caseId(), merged.sequence(), c -> c.merged(merged));
    }

    private void apply(String caseId, long sequence, Consumer<FollowedCase> step) {
        changes.change(caseId, c -> {
            if (c.hasApplied(sequence)) {
                return null;
            }
            step.accept(c);
            return List.of();
        }).orElseThrow(() -> unknown(caseId));
    }

    private static <T> T checked(EventEnvelope<T> envelope, int readableVersion, Function<T, String> caseId) {
        PoisonRecordException.requireReadable(envelope, readableVersion);
        T event = envelope.data();
        if (event == null || caseId.apply(event) == null || !caseId.apply(event).equals(envelope.key())) {
            throw new PoisonRecordException(envelope.type() + " without a case id matching its key");
        }
        return event;
    }

    /** Every case event has its place in the sequence, its time and the one fact it is about. */
    private static void required(EventEnvelope<?> envelope, long sequence, Instant at, String subject) {
        if (sequence < 1 || at == null || subject == null || subject.isBlank()) {
            throw new PoisonRecordException(envelope.type() + " without sequence, time or "
                    + "its subject (staff, department or contact)");
        }
    }

    private static PoisonRecordException unknown(String caseId) {
        return new PoisonRecordException("an event for case " + caseId + " whose CaseRouted was never seen");
    }
}
