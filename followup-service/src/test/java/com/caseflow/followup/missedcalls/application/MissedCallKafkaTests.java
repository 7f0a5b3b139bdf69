package com.caseflow.followup.missedcalls.application;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.call.CallAbandoned;
import com.caseflow.followup.missedcalls.domain.MissedCallTask;
import com.caseflow.followup.missedcalls.domain.TaskOutcome;
import com.caseflow.followup.missedcalls.domain.TaskStatus;
import com.caseflow.followup.missedcalls.persistence.MissedCallStore;
import com.caseflow.followup.notifications.application.NotificationDispatcher;
import com.caseflow.followup.notifications.domain.Notification;
import com.caseflow.followup.notifications.persistence.NotificationStore;
import com.caseflow.followup.support.CallLog;
import com.caseflow.followup.support.FollowUpServiceTest;
import com.caseflow.followup.support.TestClock;
import com.caseflow.followup.support.TestGateway;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Missed calls read from {@code calls} on a real broker become customer service's call-back tasks: due in the
 * hotline's working time, one per number, closed when the caller gets through, brought to the supervisor once when
 * overdue.
 */
@FollowUpServiceTest
class MissedCallKafkaTests {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String GROUP = "followup-service";

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MissedCalls missedCalls;
    @Autowired
    MissedCallStore store;
    @Autowired
    NotificationStore notifications;
    @Autowired
    NotificationDispatcher dispatcher;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    private CallLog calls;

    @BeforeEach
    void connect() {
        calls = new CallLog(broker.getBrokersAsString());
    }

    @AfterEach
    void disconnect() {
        calls.close();
    }

    private MissedCallTask task(String firstCallId, java.util.function.Predicate<MissedCallTask> until) {
        return await().atMost(WAIT).until(() -> store.find(MissedCallTask.idFor(firstCallId))
                .map(MissedCallStore.VersionedTask::state).orElse(null), t -> t != null && until.test(t));
    }

    private long tasksCovering(String callId) {
        return mongo.count(Query.query(Criteria.where("state.callIds").is(callId)), "missed_calls");
    }

    private double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void whenACallIsAbandonedThenItsTaskIsDueHalfAnHourOfHotlineTimeLaterJoinedByTheNextMissAndClosedWhenTheCallerGetsThrough() {
        String caller = CallLog.newCaller();
        String first = CallLog.newCallId();
        String second = CallLog.newCallId();
        double openedBefore = counter("caseflow.missed.calls.opened");
        double calledAgainBefore = counter("caseflow.missed.calls.closed", "outcome", "CALLED_AGAIN");
        // 19:50 in Shanghai on a Tuesday: the hotline (08:00–20:00 every day) closes after ten of the thirty minutes
        Instant firstMiss = Instant.parse("2026-12-01T11:50:00Z");

        calls.abandoned(first, caller, firstMiss);

        MissedCallTask opened = task(first, t -> true);
        assertThat(opened.dueAt()).isEqualTo(Instant.parse("2026-12-02T00:20:00Z"));
        assertThat(opened.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(opened.caller()).isEqualTo(caller);
        assertThat(opened.hotline()).isEqualTo("400-820-8820");
        assertThat(opened.calls()).isEqualTo(1);
        assertThat(counter("caseflow.missed.calls.opened")).isEqualTo(openedBefore + 1);
        assertThat(meters.find("caseflow.missed.calls.open").gauge()).isNotNull();

        calls.abandoned(second, caller, firstMiss.plus(Duration.ofMinutes(5)));
        MissedCallTask joined = task(first, t -> t.calls() == 2);
        assertThat(joined.callIds()).containsExactly(first, second);
        assertThat(joined.firstMissedAt()).isEqualTo(firstMiss);
        assertThat(joined.lastMissedAt()).isEqualTo(firstMiss.plus(Duration.ofMinutes(5)));
        assertThat(joined.dueAt()).isEqualTo(opened.dueAt());

        // an answer between the two misses: the caller missed us again after it, so the task stays
        calls.answered(CallLog.newCallId(), caller, firstMiss.plus(Duration.ofMinutes(2)));
        Barriers.consumed(broker.getBrokersAsString(), GROUP, "calls");
        assertThat(task(first, t -> true).status()).isEqualTo(TaskStatus.OPEN);

        calls.answered(CallLog.newCallId(), caller, firstMiss.plus(Duration.ofMinutes(20)));
        MissedCallTask closed = task(first, t -> t.status() == TaskStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo(TaskOutcome.CALLED_AGAIN);
        assertThat(closed.closedBy()).isEqualTo("A002");
        assertThat(closed.closedAt()).isEqualTo(firstMiss.plus(Duration.ofMinutes(20)));
        assertThat(counter("caseflow.missed.calls.closed", "outcome", "CALLED_AGAIN")).isEqualTo(calledAgainBefore + 1);

        // the number's next missed call opens a new task
        String third = CallLog.newCallId();
        calls.abandoned(third, caller, firstMiss.plus(Duration.ofMinutes(30)));
        assertThat(task(third, t -> true).callIds()).containsExactly(third);
    }

    @Test
    void whenTheCallersLaterAnswerIsReadBeforeTheirMissThenTheTaskClosesAsCalledAgainAtOnce() {
        String caller = CallLog.newCaller();
        String missed = CallLog.newCallId();
        Instant at = TestClock.CLOCK.instant();

        // after a backlog the partitions are read in any order: here the answer (10 minutes later) comes first
        calls.answered(CallLog.newCallId(), caller, at.plus(Duration.ofMinutes(10)));
        Barriers.consumed(broker.getBrokersAsString(), GROUP, "calls");
        calls.abandoned(missed, caller, at);

        MissedCallTask task = task(missed, t -> t.status() == TaskStatus.CLOSED);
        assertThat(task.outcome()).isEqualTo(TaskOutcome.CALLED_AGAIN);
        assertThat(task.closedAt()).isEqualTo(at.plus(Duration.ofMinutes(10)));
        // a miss after that answer is work again
        String later = CallLog.newCallId();
        calls.abandoned(later, caller, at.plus(Duration.ofMinutes(20)));
        Barriers.consumed(broker.getBrokersAsString(), GROUP, "calls");
        assertThat(task(later, t -> true).status()).isEqualTo(TaskStatus.OPEN);
    }

    @Test
    void whenAnAbandonedCallIsDeliveredAgainThenItStaysOneCallOfOneTask() {
        String caller = CallLog.newCaller();
        String callId = CallLog.newCallId();
        Instant at = TestClock.CLOCK.instant();

        EventEnvelope<Object> envelope = calls.abandoned(callId, caller, at);
        calls.publish(envelope);
        // the platform's retry reaches intake as the same call with a new event id
        calls.abandoned(callId, caller, at);
        task(callId, t -> true);

        Barriers.consumed(broker.getBrokersAsString(), GROUP, "calls");
        assertThat(tasksCovering(callId)).isEqualTo(1);
        MissedCallTask task = task(callId, t -> true);
        assertThat(task.calls()).isEqualTo(1);
        assertThat(task.callIds()).containsExactly(callId);
    }

    @Test
    void whenTheNumberIsWithheldThenNoTaskIsOpenedAndTheCallIsCounted() {
        String withheld = CallLog.newCallId();
        double before = counter("caseflow.missed.calls.withheld");

        calls.abandoned(withheld, null, TestClock.CLOCK.instant());

        Barriers.consumed(broker.getBrokersAsString(), GROUP, "calls");
        assertThat(tasksCovering(withheld)).isZero();
        assertThat(counter("caseflow.missed.calls.withheld")).isEqualTo(before + 1);
    }

    @Test
    void whenACallFactCannotBeReadThenItGoesToTheDeadLetterTopicAndTheNextIsProcessed() {
        String broken = CallLog.newCallId();
        calls.publish(new EventEnvelope<>(UUID.randomUUID().toString(), EventTypes.CALL_ABANDONED, 1,
                TestClock.CLOCK.instant(), broken, broken,
                new CallAbandoned(null, "400-820-8820", CallLog.newCaller(), null, null, null, null)));
        String next = CallLog.newCallId();
        calls.abandoned(next, CallLog.newCaller(), TestClock.CLOCK.instant());

        try (TopicReader dlq = new TopicReader(broker.getBrokersAsString(), "calls.dlq")) {
            List<ConsumerRecord<String, byte[]>> dead = dlq.read(r -> broken.equals(r.key()), 1, WAIT);
            assertThat(TopicReader.header(dead.get(0), "x-exception-message")).contains("without call id");
        }
        task(next, t -> true);
        assertThat(tasksCovering(broken)).isZero();
    }

    @Test
    void whenATaskPassesItsDueTimeThenTheSupervisorIsToldOnceWithoutTheNumber() {
        String caller = CallLog.newCaller();
        String callId = CallLog.newCallId();
        calls.abandoned(callId, caller, TestClock.CLOCK.instant());
        MissedCallTask task = task(callId, t -> true);
        String notificationId = "missed-call-overdue:" + task.id();

        missedCalls.remindOverdue();
        assertThat(notifications.find(notificationId)).isEmpty();

        TestClock.CLOCK.advanceTo(task.dueAt().plus(Duration.ofMinutes(1)));
        missedCalls.remindOverdue();
        missedCalls.remindOverdue();

        Notification told = notifications.find(notificationId).orElseThrow().state();
        assertThat(told.kind()).isEqualTo("MISSED_CALL_OVERDUE");
        assertThat(told.departmentCode()).isEqualTo("CUSTOMER_SERVICE");
        assertThat(told.recipients()).containsExactly("SUPERVISOR:CUSTOMER_SERVICE");
        assertThat(told.text()).contains("未接来电", "400-820-8820", task.id()).doesNotContain(caller)
                .doesNotContain(caller.substring(3));
        assertThat(store.find(task.id()).orElseThrow().state().remindedAt()).isNotNull();

        await().atMost(WAIT).until(() -> {
            dispatcher.deliverDue();
            return !TestGateway.get().receivedFor(task.id()).isEmpty();
        });
        missedCalls.remindOverdue();
        dispatcher.deliverDue();
        assertThat(TestGateway.get().receivedFor(task.id())).hasSize(1);
        assertThat(TestGateway.get().receivedFor(task.id()).get(0).body()).contains("MISSED_CALL_OVERDUE")
                .doesNotContain(caller);
    }
}
