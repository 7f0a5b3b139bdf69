package com.caseflow.followup.timers.application;

import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.followup.FollowUpApplication;
import com.caseflow.followup.support.CaseLog;
import com.caseflow.followup.support.Cases;
import com.caseflow.followup.support.FollowUpServiceTest;
import com.caseflow.followup.support.TestClock;
import com.caseflow.followup.support.TestGateway;
import com.caseflow.followup.timers.domain.StageKind;
import com.caseflow.followup.timers.domain.StageState;
import com.caseflow.followup.timers.domain.WorkingTime;
import com.caseflow.followup.timers.persistence.FollowUpStore;
import com.caseflow.support.outbox.OutboxProperties;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Timers are durable and fire once: with a second instance of the service sweeping the same cases at the same moment,
 * and after an instance restarts over the same database.
 */
@FollowUpServiceTest
class TimerInstancesTests {

    private static final int CASES = 20;

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxProperties outbox;
    @Autowired
    TimerSweep firstInstance;
    @Autowired
    FollowUpStore store;
    /** Deadlines are counted as routing counts them: in the office calendar it publishes. */
    WorkingTime time = Cases.WORKING_TIME;
    @Autowired
    Environment environment;

    private ConfigurableApplicationContext anotherInstance() {
        List<String> properties = new ArrayList<>(List.of(
                "spring.mongodb.uri=" + environment.getProperty("spring.mongodb.uri"),
                "spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "caseflow.followup.notifications.webhook=" + TestGateway.get().url(),
                "caseflow.followup.timers.sweep=false",
                "caseflow.followup.notifications.dispatch=false",
                "server.port=0"));
        for (Map.Entry<String, String> p : TestIdentityProvider.properties().entrySet()) {
            properties.add(p.getKey() + "=" + p.getValue());
        }
        // as arguments: they must win over application.yml, as they would on a second instance's command line
        return new SpringApplicationBuilder(FollowUpApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", TestClock.CLOCK))
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    @Test
    void whenTwoInstancesSweepTheSameDueTimersAndOneRestartsThenEveryReminderIsIssuedExactlyOnce() throws Exception {
        Instant routedAt = TestClock.CLOCK.instant();
        List<String> caseIds = new ArrayList<>();
        try (CaseLog cases = new CaseLog(broker.getBrokersAsString())) {
            for (int i = 0; i < CASES; i++) {
                String caseId = Cases.newCaseId();
                caseIds.add(caseId);
                cases.publish(caseId, Cases.routed(caseId, "ENGINEERING", routedAt, 2, 8, time));
            }
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> caseIds.stream().allMatch(id -> store.find(id).isPresent()));
        Instant reminderDue = store.find(caseIds.get(0)).orElseThrow().state().nextDueAt().orElseThrow();
        TestClock.CLOCK.advanceTo(reminderDue);

        try (ConfigurableApplicationContext second = anotherInstance()) {
            TimerSweep secondInstance = second.getBean(TimerSweep.class);
            ExecutorService both = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> sweeps = both.invokeAll(List.<Callable<Integer>>of(
                        firstInstance::sweep, secondInstance::sweep));
                // cases of other test classes in this context may be due too: count ours in the store and on the topic
                assertThat(sweeps.get(0).get() + sweeps.get(1).get()).isGreaterThanOrEqualTo(CASES);
            } finally {
                both.shutdown();
            }
        }
        try (ConfigurableApplicationContext restarted = anotherInstance()) {
            restarted.getBean(TimerSweep.class).sweep();
        }
        firstInstance.sweep();

        assertThat(caseIds).allSatisfy(id -> assertThat(store.find(id).orElseThrow().state().stages())
                .filteredOn(s -> s.kind() == StageKind.REMINDER && s.state() == StageState.FIRED).hasSize(1));

        Set<String> ours = Set.copyOf(caseIds);
        try (TopicReader followups = new TopicReader(broker.getBrokersAsString(), Topics.FOLLOWUPS)) {
            followups.read(r -> ours.contains(r.key()), CASES, Duration.ofSeconds(90));
            Barriers.outboxEmpty(mongo, outbox.collections());
            Map<String, Long> remindersPerCase = followups.readToEnd().stream()
                    .filter(r -> ours.contains(r.key()))
                    .filter(r -> EventTypes.FOLLOW_UP_REMINDER_ISSUED.equals(TopicReader.header(r, "ce_type")))
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(remindersPerCase).hasSize(CASES).allSatisfy((caseId, count) -> assertThat(count).isOne());
        }
    }
}
