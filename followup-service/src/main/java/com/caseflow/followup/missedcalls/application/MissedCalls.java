package com.caseflow.followup.missedcalls.application;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.call.CallAbandoned;
import com.caseflow.events.call.CallAnswered;
import com.caseflow.followup.missedcalls.domain.AttemptOutcome;
import com.caseflow.followup.missedcalls.domain.MissedCallTask;
import com.caseflow.followup.missedcalls.domain.TaskClosedException;
import com.caseflow.followup.missedcalls.domain.TaskNotFoundException;
import com.caseflow.followup.missedcalls.domain.TaskStatus;
import com.caseflow.followup.missedcalls.persistence.MissedCallStore;
import com.caseflow.followup.missedcalls.persistence.MissedCallStore.VersionedTask;
import com.caseflow.followup.notifications.application.Notifications;
import com.caseflow.followup.worktime.WorkingTimes;
import com.caseflow.support.consumer.PoisonRecordException;
import com.caseflow.support.logging.OutageLog;
import com.caseflow.support.problem.ConflictException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Customer service's call-back queue of missed calls: a task per number opened by its first unanswered call, joined
 * by the next ones, closed by a call back or by the caller ringing again and being answered. An open task past due is
 * brought to the supervisor once.
 */
@Service
public class MissedCalls {

    private static final Logger log = LoggerFactory.getLogger(MissedCalls.class);
    /** Lost races in a row before a record is handed back to the binder to retry. */
    private static final int RACES = 10;

    private final MissedCallStore store;
    private final MissedCallProperties properties;
    private final WorkingTimes times;
    private final Notifications notifications;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AtomicLong open = new AtomicLong();
    /** The look for overdue tasks runs every minute: a store outage is one line, not a line a run. */
    private final OutageLog storeOutage;

    public MissedCalls(MissedCallStore store, MissedCallProperties properties, WorkingTimes times,
                       Notifications notifications, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.times = times;
        this.notifications = notifications;
        this.clock = clock;
        this.storeOutage = new OutageLog(log, "Look for overdue call-back tasks", clock);
        this.meters = meters;
        meters.gauge("caseflow.missed.calls.open", open);
    }

    /** A call ended unanswered: opens the number's task or joins it; the same call again changes nothing. */
    public void abandoned(EventEnvelope<CallAbandoned> envelope) {
        PoisonRecordException.requireReadable(envelope, CallAbandoned.SCHEMA_VERSION);
        CallAbandoned call = envelope.data();
        if (call == null || call.callId() == null || call.abandonedAt() == null) {
            throw new PoisonRecordException("abandoned call without call id or time");
        }
        if (call.caller() == null || call.caller().isBlank()) {
            meters.counter("caseflow.missed.calls.withheld").increment();
            return;
        }
        for (int race = 0; race < RACES; race++) {
            if (store.covers(call.callId())) {
                return;
            }
            VersionedTask found = store.openFor(call.caller()).orElse(null);
            if (found != null) {
                MissedCallTask joined = found.state().join(call.callId(), call.abandonedAt());
                if (joined == null) {
                    return;
                }
                if (store.update(joined, found.version())) {
                    meters.counter("caseflow.missed.calls.joined").increment();
                    calledAgainMeanwhile(call.caller());
                    return;
                }
                continue;
            }
            Instant due = times.of(properties.calendar()).plus(call.abandonedAt(), properties.due());
            if (store.insert(MissedCallTask.open(call.callId(), call.hotline(), call.caller(), call.abandonedAt(),
                    due))) {
                meters.counter("caseflow.missed.calls.opened").increment();
                refreshOpen();
                calledAgainMeanwhile(call.caller());
                return;
            }
            // the task of this call exists already, or another call of the number opened one meanwhile: look again
        }
        throw new IllegalStateException("call " + call.callId() + " lost " + RACES + " races for its task");
    }

    /** A call was answered: the open task of its number closes as CALLED_AGAIN if the answer came after its misses. */
    public void answered(EventEnvelope<CallAnswered> envelope) {
        PoisonRecordException.requireReadable(envelope, CallAnswered.SCHEMA_VERSION);
        CallAnswered call = envelope.data();
        if (call == null || call.callId() == null || call.answeredAt() == null) {
            throw new PoisonRecordException("answered call without call id or time");
        }
        if (call.caller() == null || call.caller().isBlank()) {
            return;
        }
        // the number's earlier misses may be read after this answer (they are on other partitions): remember it
        store.answered(call.caller(), call.answeredAt(), call.agentId());
        closeIfAnswered(call.caller(), call.answeredAt(), call.agentId());
    }

    private void calledAgainMeanwhile(String caller) {
        store.lastAnswer(caller).ifPresent(answer -> closeIfAnswered(caller, answer.answeredAt(), answer.agentId()));
    }

    private void closeIfAnswered(String caller, Instant answeredAt, String agentId) {
        for (int race = 0; race < RACES; race++) {
            VersionedTask found = store.openFor(caller).orElse(null);
            MissedCallTask closed = found == null ? null : found.state().calledAgain(agentId, answeredAt);
            if (closed == null) {
                return;
            }
            if (store.update(closed, found.version())) {
                closedAs(closed);
                return;
            }
        }
        throw new IllegalStateException("an answered call lost " + RACES + " races for its number's task");
    }

    /**
     * Records a call back.
     *
     * @throws TaskNotFoundException when there is no such task
     * @throws TaskClosedException   when the task is closed already
     */
    public VersionedTask attempt(String taskId, AttemptOutcome outcome, String note, String contactId,
                                 String staffId) {
        return change(taskId, task -> task.attempt(outcome, note, contactId, staffId, clock.instant(),
                properties.maxAttempts()));
    }

    public VersionedTask read(String taskId) {
        return store.find(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    public Page<MissedCallTask> list(TaskStatus status, int page, int size) {
        return store.list(status, page, size);
    }

    @Scheduled(fixedDelayString = "${caseflow.missed-calls.poll-interval:1m}",
            initialDelayString = "${caseflow.missed-calls.poll-interval:1m}")
    void scheduled() {
        if (!properties.sweep()) {
            return;
        }
        try {
            remindOverdue();
            storeOutage.succeeded();
        } catch (RuntimeException e) {
            // the next look tries again
            storeOutage.failed(e);
        }
    }

    /**
     * Tells the supervisor of each open task past due, once per task: the notification's id derives from the task,
     * so a look that fails after issuing it issues nothing new the next time. Returns how many were told now.
     */
    public int remindOverdue() {
        Instant now = clock.instant();
        int reminded = 0;
        for (String id : store.overdueUnreminded(now, properties.batchSize())) {
            VersionedTask found = store.find(id).orElse(null);
            if (found == null || !found.state().isOpen() || found.state().remindedAt() != null
                    || !found.state().overdue(now)) {
                continue;
            }
            MissedCallTask task = found.state();
            notifications.missedCallOverdue(task.id(), task.hotline(), task.calls(), task.firstMissedAt(),
                    task.dueAt(), properties.department(), now);
            if (store.update(task.reminded(now), found.version())) {
                meters.counter("caseflow.missed.calls.reminded").increment();
                reminded++;
            }
        }
        refreshOpen();
        return reminded;
    }

    private VersionedTask change(String taskId, UnaryOperator<MissedCallTask> step) {
        for (int race = 0; race < RACES; race++) {
            VersionedTask found = read(taskId);
            MissedCallTask next = step.apply(found.state());
            if (store.update(next, found.version())) {
                if (!next.isOpen()) {
                    closedAs(next);
                }
                return new VersionedTask(next, found.version() + 1);
            }
        }
        throw new ConflictException("call-back task " + taskId + " was changed by someone else; read it again");
    }

    private void closedAs(MissedCallTask closed) {
        meters.counter("caseflow.missed.calls.closed", "outcome", closed.outcome().name()).increment();
        refreshOpen();
    }

    private void refreshOpen() {
        try {
            open.set(store.countOpen());
        } catch (RuntimeException e) {
            log.debug("Open call-back tasks not counted: {}", e.toString());
        }
    }
}
