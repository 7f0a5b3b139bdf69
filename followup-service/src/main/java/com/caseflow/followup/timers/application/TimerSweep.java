package com.caseflow.followup.timers.application;

import com.caseflow.events.followup.CaseEscalated;
import com.caseflow.followup.publishing.FollowUpEvents;
import com.caseflow.followup.timers.domain.FollowedCase;
import com.caseflow.followup.worktime.WorkingTimes;
import com.caseflow.followup.timers.persistence.FollowUpStore;
import com.caseflow.followup.timers.persistence.FollowUpStore.Due;
import com.caseflow.support.logging.OutageLog;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fires the timers that are due. Any number of instances may sweep at once: a case's timers fire in the same write
 * that records them fired, guarded by the case's version, so each fires once. After downtime each overdue timer fires
 * once, in one write per case — no flood of repeats.
 */
@Service
public class TimerSweep {

    private static final Logger log = LoggerFactory.getLogger(TimerSweep.class);

    private final FollowUpStore store;
    private final FollowUpChanges changes;
    private final FollowUpEvents events;
    private final WorkingTimes times;
    private final TimerProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    /** The sweep runs every 30 s or so: a store outage is one line and a summary a minute, not a line a run. */
    private final OutageLog storeOutage;

    public TimerSweep(FollowUpStore store, FollowUpChanges changes, FollowUpEvents events, WorkingTimes times,
                      TimerProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.changes = changes;
        this.events = events;
        this.times = times;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.storeOutage = new OutageLog(log, "Timer sweep", clock);
    }

    @Scheduled(fixedDelayString = "${caseflow.followup.timers.poll-interval:30s}",
            initialDelayString = "${caseflow.followup.timers.poll-interval:30s}")
    void scheduled() {
        if (!properties.sweep()) {
            return;
        }
        try {
            sweep();
        } catch (RuntimeException e) {
            // the store may be away for a moment: the next sweep tries again, nothing was marked fired
            storeOutage.failed(e);
        }
    }

    /**
     * Fires what is due now, batch after batch until nothing due is left, so a backlog after downtime drains in one
     * sweep. Returns how many reminders and escalations were issued. A case whose timers cannot be fired is put out
     * of the way for a while, longer after each failure in a row, so that it never holds back the others.
     */
    public int sweep() {
        Instant now = clock.instant();
        int issued = 0;
        Set<String> seen = new HashSet<>();
        while (true) {
            List<Due> batch = store.due(now, properties.batchSize());
            storeOutage.succeeded();
            List<Due> fresh = batch.stream().filter(d -> seen.add(d.caseId())).toList();
            for (Due due : fresh) {
                try {
                    issued += fire(due.caseId(), now);
                } catch (RuntimeException e) {
                    putAside(due, now, e);
                }
            }
            // a case another instance wrote in between may be seen twice; nothing new means nothing more to do
            if (batch.size() < properties.batchSize() || fresh.isEmpty()) {
                return issued;
            }
        }
    }

    private void putAside(Due due, Instant now, RuntimeException failure) {
        Duration wait = properties.pollInterval().multipliedBy(1L << Math.min(due.failures(), 20));
        if (wait.compareTo(properties.failedRetryMax()) > 0) {
            wait = properties.failedRetryMax();
        }
        meters.counter("caseflow.followup.timer.failures").increment();
        if (!storeOutage.storeFailed(failure)) {
            log.warn("Timers of case {} not fired ({} failures in a row), next try in {}: {}", due.caseId(),
                    due.failures() + 1, wait, failure.toString());
        }
        try {
            store.postpone(due, now.plus(wait));
        } catch (RuntimeException e) {
            // the store is away: the case stays due and the next sweep tries again
            if (!storeOutage.storeFailed(e)) {
                log.warn("Case {} not put aside: {}", due.caseId(), e.toString());
            }
        }
    }

    private int fire(String caseId, Instant now) {
        AtomicReference<List<FollowedCase.Fired>> lastTry = new AtomicReference<>(List.of());
        changes.change(caseId, c -> {
            if (c.nextDueAt().filter(due -> !due.isAfter(now)).isEmpty()) {
                lastTry.set(List.of());
                return null; // another instance fired them between our look and this read
            }
            List<FollowedCase.Fired> fired = c.fireDue(now, times.of(c.calendarId()));
            lastTry.set(fired);
            return fired.stream().map(f -> events.entry(c.id(), f.stageId(), f.event(), now)).toList();
        });
        lastTry.get().forEach(f -> count(f.event()));
        return lastTry.get().size();
    }

    private void count(Object event) {
        if (event instanceof CaseEscalated escalated) {
            meters.counter("caseflow.followup.escalations", "level", String.valueOf(escalated.level())).increment();
        } else {
            meters.counter("caseflow.followup.reminders").increment();
        }
    }
}
