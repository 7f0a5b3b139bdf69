package com.caseflow.followup.callbacks.application;

import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.followup.FeedbackChannel;
import com.caseflow.followup.callbacks.domain.Callback;
import com.caseflow.followup.callbacks.domain.CallbackClosedException;
import com.caseflow.followup.callbacks.domain.CallbackOutcome;
import com.caseflow.followup.callbacks.domain.CallbackPolicy;
import com.caseflow.followup.callbacks.domain.CallbackStatus;
import com.caseflow.followup.callbacks.persistence.CallbackStore;
import com.caseflow.followup.callbacks.persistence.VersionedCallback;
import com.caseflow.followup.publishing.FollowUpEvents;
import com.caseflow.followup.timers.domain.CaseCaller;
import com.caseflow.followup.timers.domain.FollowedCase;
import com.caseflow.followup.worktime.WorkingTimes;
import com.caseflow.support.outbox.OutboxEntry;
import com.caseflow.support.problem.ConflictException;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.Roles;
import com.caseflow.support.security.Staff;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The callback queue of customer service: one callback per customer of a resolved case, recorded attempt by attempt.
 * Customer service staff work it; supervisors and managers read it with numbers masked.
 */
@Service
public class Callbacks {

    /** Who recorded an answer that came as a reply to a text message. */
    public static final String SMS = "SMS";

    private final CallbackStore store;
    private final FollowUpEvents events;
    private final CallbackProperties properties;
    private final CallbackPolicy policy;
    private final WorkingTimes times;
    private final Clock clock;
    private final MeterRegistry meters;

    public Callbacks(CallbackStore store, FollowUpEvents events, CallbackProperties properties, WorkingTimes times,
                     Clock clock, MeterRegistry meters) {
        this.store = store;
        this.events = events;
        this.properties = properties;
        this.policy = new CallbackPolicy(properties.maxAttempts(), properties.reopenAtOrBelow());
        this.times = times;
        this.clock = clock;
        this.meters = meters;
    }

    /** Queues the callbacks of a resolution, one per customer of the case; queuing them again changes nothing. */
    public void queue(FollowedCase resolvedCase, CaseResolved resolved) {
        Instant due = times.ofDepartment(properties.department()).plus(resolved.resolvedAt(), properties.dueWithin());
        List<CaseCaller> callers = resolvedCase.callers();
        for (int i = 0; i < callers.size(); i++) {
            CaseCaller caller = callers.get(i);
            Callback callback = new Callback(Callback.idFor(resolved.caseId(), resolved.sequence(), i + 1),
                    resolved.caseId(), resolved.sequence(), caller.contactId(), caller.agentId(), caller.customer(),
                    resolved.departmentCode(), resolvedCase.projectCode(), resolvedCase.matter(),
                    resolved.resolution(), resolved.resolvedAt(), due, resolved.resolvedAt(), CallbackStatus.QUEUED,
                    List.of(), null);
            if (store.insert(callback)) {
                meters.counter("caseflow.callbacks.queued").increment();
            }
        }
    }

    /** The case was reopened: callbacks not yet made for its earlier resolution leave the queue. */
    public void supersede(String caseId, Instant at) {
        for (Callback callback : store.ofCase(caseId)) {
            if (callback.status() == CallbackStatus.QUEUED) {
                change(callback.id(), null, null, c -> c.supersede(at) ? List.of() : null);
            }
        }
    }

    /**
     * Records one call. A request sent again with the same {@code requestKey} (a client retrying after a timeout)
     * records nothing more and answers with the callback as it is.
     */
    public VersionedCallback record(Staff staff, String callbackId, Long expectedVersion, String requestKey,
                                    CallbackOutcome outcome) {
        if (!works(staff)) {
            throw new RequestRefusedException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "callbacks are made by " + properties.department() + " staff");
        }
        Instant now = clock.instant();
        VersionedCallback recorded = change(callbackId, expectedVersion, requestKey, c -> {
            try {
                List<Object> announced = c.record(outcome, staff.staffId(), requestKey, now,
                        times.ofDepartment(properties.department()).plus(now, properties.retryAfter()), policy);
                int attempt = c.attempts().size();
                return announced.stream()
                        .map(e -> events.entry(c.caseId(), c.id() + "/attempt-" + attempt + "/"
                                + e.getClass().getSimpleName(), e, now))
                        .toList();
            } catch (CallbackClosedException closed) {
                throw new ConflictException(closed.getMessage());
            }
        });
        meters.counter("caseflow.callbacks.attempts", "reached", String.valueOf(outcome.reached())).increment();
        return recorded;
    }

    /**
     * The customer answered the resolution's text message with a score before anyone called: it closes the callback
     * as a reached call would (feedback by SMS, and a reopen request when the score is low enough). False when the
     * callback was already closed (or withdrawn): then nothing changes. The reply's id keeps a redelivered reply from
     * counting twice.
     */
    public boolean recordReply(String callbackId, String replyId, int satisfaction, Instant at) {
        if (store.find(callbackId).isEmpty()) {
            return false;
        }
        String requestKey = "sms-reply:" + replyId;
        boolean[] recordedNow = {false};
        VersionedCallback result = change(callbackId, null, requestKey, c -> {
            recordedNow[0] = false;
            if (c.status() != CallbackStatus.QUEUED) {
                return null;
            }
            List<Object> announced = c.record(new CallbackOutcome(true, satisfaction, null, null),
                    FeedbackChannel.SMS, SMS, requestKey, at, null, policy);
            int attempt = c.attempts().size();
            recordedNow[0] = true;
            return announced.stream()
                    .map(e -> events.entry(c.caseId(), c.id() + "/attempt-" + attempt + "/"
                            + e.getClass().getSimpleName(), e, at))
                    .toList();
        });
        if (recordedNow[0]) {
            meters.counter("caseflow.callbacks.attempts", "reached", "true").increment();
        }
        // recorded by an earlier delivery of the same reply that stopped before it was stored
        return result.state().hasRecorded(requestKey);
    }

    public VersionedCallback read(Staff staff, String callbackId) {
        if (!reads(staff)) {
            throw new RequestRefusedException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "the callback queue is customer service's");
        }
        return store.find(callbackId).orElseThrow(() -> notFound(callbackId));
    }

    public Page<Callback> queue(Staff staff, CallbackStatus status, boolean dueOnly, int page, int size) {
        if (!reads(staff)) {
            throw new RequestRefusedException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "the callback queue is customer service's");
        }
        return store.queue(status, dueOnly ? clock.instant() : null, page, size);
    }

    public List<Callback> ofCase(String caseId) {
        return store.ofCase(caseId);
    }

    /** Customer service staff make the calls and see the numbers; supervisors and managers oversee. */
    public boolean works(Staff staff) {
        return staff.is(Roles.DEPARTMENT_STAFF) && properties.department().equals(staff.department());
    }

    private boolean reads(Staff staff) {
        return works(staff) || staff.is(Roles.SUPERVISOR) || staff.is(Roles.MANAGER);
    }

    private VersionedCallback change(String id, Long expectedVersion, String requestKey,
                                     java.util.function.Function<Callback, List<OutboxEntry>> step) {
        for (int attempt = 1; ; attempt++) {
            VersionedCallback found = store.find(id).orElseThrow(() -> notFound(id));
            if (requestKey != null && found.state().hasRecorded(requestKey)) {
                return found;
            }
            if (expectedVersion != null && expectedVersion != found.version()) {
                throw new ConflictException("callback " + id + " changed since version " + expectedVersion
                        + "; read it again");
            }
            Callback state = found.state();
            List<OutboxEntry> entries = step.apply(state);
            if (entries == null) {
                return found;
            }
            try {
                store.update(state, found.version(), entries);
                return new VersionedCallback(state, found.version() + 1);
            } catch (OptimisticLockingFailureException lost) {
                if (expectedVersion != null || attempt >= 5) {
                    throw new ConflictException("callback " + id + " was changed by someone else; read it again");
                }
            }
        }
    }

    private static RequestRefusedException notFound(String id) {
        return new RequestRefusedException(HttpStatus.NOT_FOUND, "not-found", "Not found", "no callback " + id);
    }
}
