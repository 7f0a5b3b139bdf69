package com.caseflow.followup.timers.application;

import com.caseflow.events.Topics;
import com.caseflow.followup.support.CaseLog;
import com.caseflow.followup.support.Cases;
import com.caseflow.followup.support.FollowUpServiceTest;
import com.caseflow.followup.support.TestClock;
import com.caseflow.followup.timers.persistence.FollowUpStore;
import com.caseflow.support.outbox.OutboxProperties;
import com.caseflow.support.testing.Barriers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast a backlog of overdue timers drains after downtime (docs/benchmarks.md): CASES cases whose reminders all
 * fell due while no instance swept, then one sweep, timed until every reminder is fired and until its event is
 * acknowledged by Kafka. Not part of {@code verify}; the figures go to {@code target/benchmark-timer-sweep.txt}.
 */
@FollowUpServiceTest
class TimerSweepBenchmark {

    private static final int CASES = Integer.getInteger("cases", 5_000);

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    FollowUpStore store;
    @Autowired
    TimerSweep sweep;
    @Autowired
    OutboxProperties outbox;

    @Test
    void aBacklogOfOverdueRemindersDrainsInOneSweep() throws IOException {
        Instant routedAt = TestClock.CLOCK.instant();
        List<String> caseIds = new ArrayList<>(CASES);
        try (CaseLog cases = new CaseLog(broker.getBrokersAsString())) {
            for (int i = 0; i < CASES; i++) {
                String caseId = Cases.newCaseId();
                caseIds.add(caseId);
                cases.publish(caseId, Cases.routed(caseId, "ENGINEERING", routedAt, 2, 8, Cases.WORKING_TIME));
            }
        }
        String last = caseIds.get(CASES - 1);
        Barriers.consumed(broker.getBrokersAsString(), "followup-service", Topics.CASES);
        assertThat(caseIds).allMatch(id -> store.find(id).isPresent());
        Barriers.outboxEmpty(mongo, outbox.collections());
        TestClock.CLOCK.advanceTo(store.find(last).orElseThrow().state().nextDueAt().orElseThrow().plus(Duration.ofHours(1)));

        long start = System.nanoTime();
        int issued = sweep.sweep();
        long fired = System.nanoTime();
        Barriers.outboxEmpty(mongo, outbox.collections());
        long published = System.nanoTime();

        assertThat(issued).isGreaterThanOrEqualTo(CASES);
        String report = String.format(Locale.ROOT, """
                        timer sweep after downtime: %d cases overdue, %d reminders and escalations issued
                        fired in %.1f s (%.0f cases/s); all acknowledged by Kafka after %.1f s (%.0f cases/s)
                        """, CASES, issued, seconds(fired - start), CASES / seconds(fired - start),
                seconds(published - start), CASES / seconds(published - start));
        System.out.print(report);
        Files.writeString(Path.of("target", "benchmark-timer-sweep.txt"), report);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
