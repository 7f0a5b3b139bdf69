package com.caseflow.followup.timers.application;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.cases.CaseAccepted;
import com.caseflow.events.cases.CaseMerged;
import com.caseflow.events.cases.CaseReopened;
import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.CaseTransferred;
import com.caseflow.events.cases.ContactAttached;
import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.followup.OnDutyAlerted;
import com.caseflow.followup.callbacks.application.Callbacks;
import com.caseflow.followup.publishing.FollowUpEvents;
import com.caseflow.followup.timers.domain.FollowUpPlan;
import com.caseflow.followup.timers.domain.FollowedCase;
import com.caseflow.followup.timers.domain.WorkingTime;
import com.caseflow.followup.worktime.WorkingTimes;
import com.caseflow.followup.timers.persistence.FollowUpStore;
import com.caseflow.support.consumer.PoisonRecordException;
import com.caseflow.support.outbox.OutboxEntry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns routing's case events into deadlines and timers: routed, accepted (first response met), transferred (new
 * deadlines for the new department), resolved (timers stop, callbacks queued), reopened (new deadlines, callbacks not
 * yet made withdrawn), merged (timers stop). Each event is applied once: a case remembers the sequence it reached.
 * An URGENT case — routed so, made so by a contact, transferred or reopened — is put before the department's on-duty
 * person at once ({@code OnDutyAlerted}, in the same write), not at three quarters of its deadline.
 */
@Service
public class CaseFollowUps {

    private static final Logger log = LoggerFactory.getLogger(CaseFollowUps.class);

    private final FollowUpStore store;
    private final FollowUpChanges changes;
    private final Callbacks callbacks;
    private final FollowUpPlan plan;
    private final WorkingTimes times;
    private final FollowUpEvents events;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int maxCallers;

    /**
     * @param maxCallers the customers a case keeps to call back at most; routing lets a case answer 200 contacts, so
     *                   this is a guard on the document's size, never reached while routing keeps its promise
     */
    public CaseFollowUps(FollowUpStore store, FollowUpChanges changes, Callbacks callbacks, FollowUpPlan plan,
                         WorkingTimes times, FollowUpEvents events, Clock clock, MeterRegistry meters,
                         @Value("${caseflow.followup.max-callers-per-case:1000}") int maxCallers) {
        this.store = store;
        this.changes = changes;
        this.callbacks = callbacks;
        this.plan = plan;
        this.times = times;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
        this.maxCallers = maxCallers;
    }

    public void routed(EventEnvelope<CaseRouted> envelope) {
        CaseRouted routed = checked(envelope, CaseRouted.SCHEMA_VERSION, CaseRouted::caseId);
        if (routed.departmentCode() == null || routed.routedAt() == null || routed.sequence() < 1) {
            throw new PoisonRecordException("CaseRouted without department, time or sequence");
        }
        FollowedCase followed = FollowedCase.routed(routed, plan, timeOf(routed.deadlines()));
        store.insert(followed, alert(followed, "ROUTED", routed.onDutyStaffId()));
    }

    public void attached(EventEnvelope<ContactAttached> envelope) {
        ContactAttached attached = checked(envelope, ContactAttached.SCHEMA_VERSION, ContactAttached::caseId);
        required(envelope, attached.sequence(), attached.attachedAt(), attached.contactId());
        boolean[] kept = {true};
        apply(attached.caseId(), attached.sequence(), c -> {
            boolean wasUrgent = c.priority() == Priority.URGENT;
            WorkingTime time = attached.deadlines() == null ? timeOf(c) : timeOf(attached.deadlines());
            kept[0] = c.attached(attached, plan, time, maxCallers);
            return wasUrgent ? List.of() : alert(c, "RAISED", attached.onDutyStaffId());
        });
        if (!kept[0]) {
            meters.counter("caseflow.followup.callers.over.limit").increment();
            log.warn("Case {} holds {} customers to call back already: contact {} joined it but gets no callback",
                    attached.caseId(), maxCallers, attached.contactId());
        }
    }

    public void accepted(EventEnvelope<CaseAccepted> envelope) {
        CaseAccepted accepted = checked(envelope, CaseAccepted.SCHEMA_VERSION, CaseAccepted::caseId);
        required(envelope, accepted.sequence(), accepted.acceptedAt(), accepted.acceptedBy());
        apply(accepted.caseId(), accepted.sequence(), stepOnly(c -> c.accepted(accepted)));
    }

    public void transferred(EventEnvelope<CaseTransferred> envelope) {
        CaseTransferred transferred = checked(envelope, CaseTransferred.SCHEMA_VERSION, CaseTransferred::caseId);
        required(envelope, transferred.sequence(), transferred.transferredAt(), transferred.toDepartment());
        apply(transferred.caseId(), transferred.sequence(), c -> {
            c.transferred(transferred, plan, timeOf(transferred.deadlines()));
            return alert(c, "TRANSFERRED", transferred.onDutyStaffId());
        });
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
        apply(resolved.caseId(), resolved.sequence(), stepOnly(c -> c.resolved(resolved)));
    }

    public void reopened(EventEnvelope<CaseReopened> envelope) {
        CaseReopened reopened = checked(envelope, CaseReopened.SCHEMA_VERSION, CaseReopened::caseId);
        required(envelope, reopened.sequence(), reopened.reopenedAt(), reopened.departmentCode());
        FollowedCase known = store.find(reopened.caseId()).orElseThrow(() -> unknown(reopened.caseId())).state();
        if (!known.hasApplied(reopened.sequence())) {
            callbacks.supersede(reopened.caseId(), reopened.reopenedAt());
        }
        apply(reopened.caseId(), reopened.sequence(), c -> {
            c.reopened(reopened, plan, timeOf(reopened.deadlines()));
            return alert(c, "REOPENED", reopened.onDutyStaffId());
        });
    }

    public void merged(EventEnvelope<CaseMerged> envelope) {
        CaseMerged merged = checked(envelope, CaseMerged.SCHEMA_VERSION, CaseMerged::caseId);
        required(envelope, merged.sequence(), merged.mergedAt(), merged.intoCaseId());
        apply(merged.caseId(), merged.sequence(), stepOnly(c -> c.merged(merged)));
    }

    /** The on-duty alert of a case that is urgent now, as an event in the case's write; none otherwise. */
    private List<OutboxEntry> alert(FollowedCase c, String reason, String onDutyStaffId) {
        Instant now = clock.instant();
        Optional<OnDutyAlerted> alert = c.urgentAlert(reason, onDutyStaffId, now);
        alert.ifPresent(a -> meters.counter("caseflow.followup.on.duty.alerts", "from.roster",
                String.valueOf(a.fromRoster())).increment());
        return alert.map(a -> List.of(events.entry(c.id(), "on-duty-g" + c.generation() + "-" + reason, a, now)))
                .orElse(List.of());
    }

    private WorkingTime timeOf(Deadlines deadlines) {
        return times.of(deadlines == null ? null : deadlines.calendarId());
    }

    private WorkingTime timeOf(FollowedCase c) {
        return times.of(c.calendarId());
    }

    private static Function<FollowedCase, List<OutboxEntry>> stepOnly(Consumer<FollowedCase> step) {
        return c -> {
            step.accept(c);
            return List.of();
        };
    }

    private void apply(String caseId, long sequence, Function<FollowedCase, List<OutboxEntry>> step) {
        changes.change(caseId, c -> c.hasApplied(sequence) ? null : step.apply(c)).orElseThrow(() -> unknown(caseId));
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
