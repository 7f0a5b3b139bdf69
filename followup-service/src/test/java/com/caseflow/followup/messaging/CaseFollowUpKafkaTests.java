package com.caseflow.followup.messaging;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.webhook.WebhookSignature;
import com.caseflow.followup.notifications.application.NotificationDispatcher;
import com.caseflow.followup.support.CaseLog;
import com.caseflow.followup.support.Cases;
import com.caseflow.followup.support.FollowUpServiceTest;
import com.caseflow.followup.support.TestClock;
import com.caseflow.followup.support.TestGateway;
import com.caseflow.followup.timers.application.TimerSweep;
import com.caseflow.followup.timers.domain.WorkingTime;
import com.caseflow.support.outbox.OutboxProperties;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@FollowUpServiceTest
@ExtendWith(OutputCaptureExtension.class)
class CaseFollowUpKafkaTests {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxProperties outbox;
    @Autowired
    TimerSweep timers;
    @Autowired
    NotificationDispatcher dispatcher;
    /** Deadlines are counted as routing counts them: in the office calendar it publishes. */
    WorkingTime time = Cases.WORKING_TIME;
    @LocalServerPort
    int port;

    private CaseLog cases;
    private TopicReader followups;
    private Api supervisor;

    @BeforeEach
    void connect() {
        cases = new CaseLog(broker.getBrokersAsString());
        followups = new TopicReader(broker.getBrokersAsString(), Topics.FOLLOWUPS);
        supervisor = new Api(port, IDP.token("S001", "SUPERVISOR"));
    }

    @AfterEach
    void disconnect() {
        cases.close();
        followups.close();
    }

    private String routeNow(int firstResponseHours, int resolutionHours) {
        String caseId = Cases.newCaseId();
        Instant now = TestClock.CLOCK.instant();
        CaseRouted routed = Cases.routed(caseId, "ENGINEERING", now, firstResponseHours, resolutionHours, time);
        EventEnvelope<Object> envelope = cases.publish(caseId, routed);
        cases.publish(envelope);
        awaitFollowed(caseId);
        return caseId;
    }

    private JsonNode awaitFollowed(String caseId) {
        return await().atMost(WAIT).until(() -> {
            Api.Response response = supervisor.get("/api/v1/cases/" + caseId + "/follow-up");
            return response.status() == 200 ? response.json() : null;
        }, r -> r != null);
    }

    private static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> TopicReader.header(r, "ce_type")).toList();
    }

    @Test
    void whenACaseIsRoutedTwiceThenItIsFollowedOnceWithItsDeadlinesAndTimers() {
        String caseId = routeNow(2, 8);
        // on the same partition behind the duplicate: once it is applied, the duplicate was read before it
        cases.publish(caseId, Cases.accepted(caseId, 2, "ENGINEERING", "D-ENG-01", TestClock.CLOCK.instant()));

        JsonNode followUp = await().atMost(WAIT).until(() -> awaitFollowed(caseId),
                f -> f.path("ownerId").toString().equals("\"D-ENG-01\""));
        assertThat(followUp.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(followUp.get("deadlines").valueStream().map(d -> d.get("kind").asString()))
                .containsExactly("FIRST_RESPONSE", "RESOLUTION");
        assertThat(followUp.get("timeline").valueStream().map(e -> e.get("what").asString()))
                .containsExactly("ROUTED", "DEADLINE_SET", "DEADLINE_SET", "ACCEPTED");
        assertThat(followUp.get("timers").size()).isEqualTo(8);
        // poison behind them on the same partition: once it is dead-lettered, the case's records before it were not
        String marker = "marker-" + UUID.randomUUID();
        cases.raw().sendText(Topics.CASES, caseId, "{\"marker\":\"" + marker + "\"}");
        try (TopicReader dlq = new TopicReader(broker.getBrokersAsString(), Topics.deadLetter(Topics.CASES))) {
            assertThat(dlq.readUntil(r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker), WAIT))
                    .filteredOn(r -> caseId.equals(r.key())).singleElement()
                    .satisfies(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains(marker));
        }
    }

    @Test
    void whenCasesAreFollowedAndCalledBackThenNoCustomersNameOrNumberIsLogged(CapturedOutput output) {
        String caseId = routeNow(1, 4);
        Instant now = TestClock.CLOCK.instant();
        cases.publish(caseId, Cases.attached(caseId, 2, "欧阳娜娜", "13577778888", now));
        cases.publish(caseId, Cases.accepted(caseId, 3, "ENGINEERING", "D-ENG-01", now));
        cases.publish(caseId, Cases.resolved(caseId, 4, "ENGINEERING", now));
        Api customerService = new Api(port, IDP.departmentToken("D-CS-01", "CUSTOMER_SERVICE"));
        String callbackId = caseId + ".4.2";
        await().atMost(WAIT).until(() -> customerService.get("/api/v1/callbacks/" + callbackId).status() == 200);
        customerService.post("/api/v1/callbacks/" + callbackId + "/attempts", """
                {"reached":true,"satisfaction":1,"resolved":false,"comment":"欧阳娜娜说还在漏"}""");
        cases.raw().sendText(Topics.CASES, caseId, "{\"customer\":{\"name\":\"欧阳娜娜\",\"phone\":\"13577778888\"}}");
        try (TopicReader dlq = new TopicReader(broker.getBrokersAsString(), Topics.deadLetter(Topics.CASES))) {
            dlq.read(r -> caseId.equals(r.key()), 1, WAIT);
        }

        assertThat(output.getAll()).doesNotContain("13577778888").doesNotContain("欧阳娜娜")
                .doesNotContain("13812345678").doesNotContain("李娜");
    }

    @Test
    void whenAReminderIsDueThenItIsPublishedOnceAndItsNotificationReachesTheGateway() {
        String caseId = routeNow(2, 8);
        JsonNode reminder = awaitFollowed(caseId).get("timers").get(0);
        assertThat(reminder.get("kind").asString()).isEqualTo("REMINDER");

        TestClock.CLOCK.advanceTo(Instant.parse(reminder.get("dueAt").asString()));
        timers.sweep();
        timers.sweep();

        List<ConsumerRecord<String, byte[]>> published = followups.read(r -> caseId.equals(r.key()), 1, WAIT);
        assertThat(types(published)).containsExactly(EventTypes.FOLLOW_UP_REMINDER_ISSUED);
        Barriers.outboxEmpty(mongo, outbox.collections());
        assertThat(followups.readToEnd()).filteredOn(r -> caseId.equals(r.key())).hasSize(1);

        await().atMost(WAIT).until(() -> {
            dispatcher.deliverDue();
            return !TestGateway.get().receivedFor(caseId).isEmpty();
        });
        TestGateway.Received delivered = TestGateway.get().receivedFor(caseId).get(0);
        assertThat(delivered.idempotencyKey()).isEqualTo(published.get(0).headers().lastHeader("ce_id") == null
                ? null : new String(published.get(0).headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
        assertThat(WebhookSignature.verify("test-signing-secret", delivered.timestamp(), delivered.signature(),
                delivered.body().getBytes(StandardCharsets.UTF_8), Instant.ofEpochSecond(
                        Long.parseLong(delivered.timestamp())), WebhookSignature.DEFAULT_WINDOW))
                .isEqualTo(WebhookSignature.Verdict.VALID);
        assertThat(JSON.readTree(delivered.body()).get("text").asString()).contains("跟进提醒").contains("首次响应")
                .doesNotContain("李娜").doesNotContain("13812345678");
    }

    @Test
    void whenARecordIsPoisonThenItGoesToTheDeadLetterTopicAndTheNextCaseIsFollowed() {
        String garbage = "poison-" + Cases.newCaseId();
        cases.raw().sendText(Topics.CASES, garbage, "{not json");
        String unknown = Cases.newCaseId();
        cases.publish(unknown, Cases.accepted(unknown, 2, "ENGINEERING", "D-ENG-01", TestClock.CLOCK.instant()));

        String next = routeNow(2, 8);

        try (TopicReader dlq = new TopicReader(broker.getBrokersAsString(), Topics.deadLetter(Topics.CASES))) {
            List<ConsumerRecord<String, byte[]>> dead = dlq.read(
                    r -> garbage.equals(r.key()) || unknown.equals(r.key()), 2, WAIT);
            assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(garbage, unknown);
            assertThat(dead).allSatisfy(r -> assertThat(TopicReader.header(r, "x-exception-message")).isNotBlank());
        }
        assertThat(awaitFollowed(next).get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void whenTheCaseIsResolvedThenItsTimersStopAndEachCustomerJoinsTheCallbackQueue() {
        String caseId = routeNow(2, 8);
        Instant now = TestClock.CLOCK.instant();
        cases.publish(caseId, Cases.attached(caseId, 2, "王强", "13900001111", now));
        cases.publish(caseId, Cases.accepted(caseId, 3, "ENGINEERING", "D-ENG-01", now));
        cases.publish(caseId, Cases.resolved(caseId, 4, "ENGINEERING", now));

        JsonNode followUp = await().atMost(WAIT).until(() -> awaitFollowed(caseId),
                f -> f.get("status").asString().equals("RESOLVED"));
        assertThat(followUp.get("timers").valueStream().map(t -> t.get("state").asString()))
                .doesNotContain("PENDING");
        assertThat(followUp.get("callbacks").valueStream().map(c -> c.get("id").asString()))
                .containsExactly(caseId + ".4.1", caseId + ".4.2");

        Api customerService = new Api(port, IDP.departmentToken("D-CS-01", "CUSTOMER_SERVICE"));
        JsonNode first = customerService.get("/api/v1/callbacks/" + caseId + ".4.1").json();
        assertThat(first.get("customer").get("phone").asString()).isEqualTo("13812345678");
        assertThat(first.get("matter").asString()).isEqualTo("卫生间天花板漏水");
        JsonNode reviewed = supervisor.get("/api/v1/callbacks/" + caseId + ".4.2").json();
        assertThat(reviewed.get("customer").get("name").asString()).isEqualTo("王强");
        assertThat(reviewed.get("customer").get("phone").asString()).doesNotContain("00001111".substring(0, 4));
    }
}
