package com.caseflow.followup.messaging;

import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.followup.notifications.application.NotificationDispatcher;
import com.caseflow.followup.support.CaseLog;
import com.caseflow.followup.support.Cases;
import com.caseflow.followup.support.FollowUpServiceTest;
import com.caseflow.followup.support.TestClock;
import com.caseflow.followup.support.TestGateway;
import com.caseflow.followup.timers.application.TimerSweep;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An URGENT case does not wait for office hours or for three quarters of its deadline: the moment follow-up learns of
 * it, the department's on-duty person is alerted, and the head when the first fifteen minutes pass unanswered.
 */
@FollowUpServiceTest
class UrgentCaseKafkaTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    TimerSweep timers;
    @Autowired
    NotificationDispatcher dispatcher;
    @Autowired
    MongoTemplate mongo;

    @Test
    void whenAnUrgentCaseIsRoutedThenTheOnDutyPersonIsAlertedAtOnceAndTheHeadAfterTheFirstResponseMinutes() {
        String caseId = Cases.newCaseId();
        Instant routedAt = TestClock.CLOCK.instant();
        CaseRouted urgent = Cases.urgent(caseId, "ENGINEERING", routedAt, 15, 240, "D-ENG-02");
        try (CaseLog cases = new CaseLog(broker.getBrokersAsString());
             TopicReader followups = new TopicReader(broker.getBrokersAsString(), Topics.FOLLOWUPS)) {
            cases.publish(caseId, urgent);
            cases.publish(caseId, urgent);

            // no timer sweep runs in these tests: the alert comes from routing the case alone
            List<ConsumerRecord<String, byte[]>> alerts = followups.read(r -> caseId.equals(r.key())
                    && EventTypes.ON_DUTY_ALERTED.equals(TopicReader.header(r, "ce_type")), 1, WAIT);
            JsonNode alert = JSON.readTree(alerts.get(0).value()).get("data");
            assertThat(alert.get("staffId").asString()).isEqualTo("D-ENG-02");
            assertThat(alert.get("reason").asString()).isEqualTo("ROUTED");

            await().atMost(WAIT).until(() -> {
                dispatcher.deliverDue();
                return !TestGateway.get().receivedFor(caseId).isEmpty();
            });
            TestGateway.Received sent = TestGateway.get().receivedFor(caseId).get(0);
            assertThat(sent.body()).contains("D-ENG-02", "紧急", "ENGINEERING")
                    .doesNotContain("李娜", "13812345678", "煤气味");

            TestClock.CLOCK.advanceTo(routedAt.plus(Duration.ofMinutes(15)));
            timers.sweep();
            JsonNode escalated = JSON.readTree(followups.read(r -> caseId.equals(r.key())
                    && EventTypes.CASE_ESCALATED.equals(TopicReader.header(r, "ce_type")), 1, WAIT).get(0).value())
                    .get("data");
            assertThat(escalated.get("role").asString()).isEqualTo("DEPARTMENT_HEAD");
            assertThat(escalated.get("departmentHead").asString()).isEqualTo("ENG-HEAD");
            assertThat(Instant.parse(escalated.get("dueAt").asString())).isEqualTo(routedAt.plus(Duration.ofMinutes(15)));
            await().atMost(WAIT).until(() -> {
                dispatcher.deliverDue();
                return TestGateway.get().receivedFor(caseId).stream().anyMatch(r -> r.body().contains("ENG-HEAD"));
            });
            // the redelivered CaseRouted alerted nobody a second time: follow-up has read both deliveries and
            // published all it wrote, so the topic holds every alert there will be
            Barriers.consumed(broker.getBrokersAsString(), "followup-service", Topics.CASES);
            Barriers.outboxEmpty(mongo, List.of("follow_ups", "callbacks"));
            assertThat(followups.readToEnd()).filteredOn(r -> caseId.equals(r.key())
                    && EventTypes.ON_DUTY_ALERTED.equals(TopicReader.header(r, "ce_type"))).hasSize(1);
        }
    }
}
