package com.caseflow.followup.timers.application;

import com.caseflow.followup.publishing.FollowUpEvents;
import com.caseflow.followup.support.CaseLog;
import com.caseflow.followup.support.Cases;
import com.caseflow.followup.support.FollowUpServiceTest;
import com.caseflow.followup.support.TestClock;
import com.caseflow.followup.timers.domain.StageKind;
import com.caseflow.followup.timers.domain.StageState;
import com.caseflow.followup.timers.persistence.FollowUpDocument;
import com.caseflow.followup.timers.persistence.FollowUpStore;
import com.caseflow.followup.worktime.WorkingTimes;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A case whose timers cannot be fired is put aside, with a growing wait, and never holds back the others. */
@FollowUpServiceTest
class TimerSweepTests {

    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    FollowUpStore store;
    @Autowired
    FollowUpChanges changes;
    @Autowired
    FollowUpEvents events;
    @Autowired
    WorkingTimes times;
    @Autowired
    TimerProperties configured;
    @Autowired
    MeterRegistry meters;

    private final List<String> broken = List.of(Cases.newCaseId(), Cases.newCaseId());

    @AfterEach
    void removeBrokenCases() {
        mongo.remove(Query.query(Criteria.where("_id").in(broken)), FollowUpDocument.COLLECTION);
    }

    @Test
    void casesThatCannotBeFiredFillingAWholeBatchDoNotHoldBackTheCaseBehindThem() {
        String caseId = Cases.newCaseId();
        try (CaseLog cases = new CaseLog(broker.getBrokersAsString())) {
            cases.publish(caseId, Cases.routed(caseId, "ENGINEERING", TestClock.CLOCK.instant(), 2, 8,
                    Cases.WORKING_TIME));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> store.find(caseId).isPresent());
        Instant reminderDue = store.find(caseId).orElseThrow().state().nextDueAt().orElseThrow();
        TestClock.CLOCK.advanceTo(reminderDue);
        // due long before anything else, as many as one look reads: a store that cannot map them
        broken.forEach(id -> mongo.insert(new Document("_id", id).append("version", 0L)
                .append("state", "not a follow-up").append("nextDueAt", Date.from(LONG_AGO)), FollowUpDocument.COLLECTION));
        TimerSweep sweep = sweepReading(2);

        sweep.sweep();

        assertThat(store.find(caseId).orElseThrow().state().stages())
                .filteredOn(s -> s.kind() == StageKind.REMINDER && s.state() == StageState.FIRED).hasSize(1);
        Instant now = TestClock.CLOCK.instant();
        assertThat(broken).allSatisfy(id -> {
            Document stored = raw(id);
            assertThat(stored.get("sweepFailures")).isEqualTo(1);
            assertThat(stored.getDate("nextDueAt").toInstant()).isEqualTo(now.plus(configured.pollInterval()));
        });

        sweep.sweep();
        assertThat(broken).allSatisfy(id -> assertThat(raw(id).get("sweepFailures")).isEqualTo(1));

        TestClock.CLOCK.advanceTo(now.plus(configured.pollInterval()));
        sweep.sweep();
        Instant later = TestClock.CLOCK.instant();
        assertThat(broken).allSatisfy(id -> {
            Document stored = raw(id);
            assertThat(stored.get("sweepFailures")).isEqualTo(2);
            assertThat(stored.getDate("nextDueAt").toInstant()).isEqualTo(later.plus(configured.pollInterval().multipliedBy(2)));
        });
    }

    private Document raw(String id) {
        return mongo.findById(id, Document.class, FollowUpDocument.COLLECTION);
    }

    private TimerSweep sweepReading(int batchSize) {
        TimerProperties properties = new TimerProperties(configured.reminderShare(), configured.escalation(),
                configured.escalationByPriority(), configured.pollInterval(), batchSize, false, Duration.ofHours(1));
        return new TimerSweep(store, changes, events, times, properties, TestClock.CLOCK, meters);
    }
}
