package com.caseflow.followup.callbacks.web;

import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.followup.CaseReopenRequested;
import com.caseflow.followup.support.Cases;
import com.caseflow.followup.support.CaseLog;
import com.caseflow.followup.support.FollowUpServiceTest;
import com.caseflow.followup.support.FollowedCases;
import com.caseflow.followup.timers.domain.WorkingTime;
import com.caseflow.followup.timers.persistence.FollowUpStore;
import com.caseflow.support.consumer.EnvelopeReader;
import com.caseflow.support.outbox.OutboxProperties;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@FollowUpServiceTest
class CallbackApiTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    EnvelopeReader reader;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxProperties outbox;
    @Autowired
    FollowUpStore store;
    /** Deadlines are counted as routing counts them: in the office calendar it publishes. */
    WorkingTime time = Cases.WORKING_TIME;
    @LocalServerPort
    int port;

    private CaseLog cases;
    private FollowedCases followed;
    private Api customerService;

    @BeforeEach
    void connect() {
        cases = new CaseLog(broker.getBrokersAsString());
        followed = new FollowedCases(cases, store, time);
        customerService = new Api(port, IDP.departmentToken("D-CS-01", "CUSTOMER_SERVICE"));
    }

    @AfterEach
    void disconnect() {
        cases.close();
    }

    private JsonNode queued(String callbackId) {
        return await().atMost(WAIT).until(() -> customerService.get("/api/v1/callbacks/" + callbackId),
                r -> r.status() == 200).json();
    }

    @Test
    void whenTheCustomerIsNotReachedThenTheCallbackStaysQueuedForLaterAndTheAttemptIsPublished() {
        String caseId = followed.resolvedNow();
        String callbackId = caseId + ".3.1";
        JsonNode before = queued(callbackId);
        assertThat(customerService.get("/api/v1/callbacks?due=true&size=100").json().get("content").valueStream()
                .map(c -> c.get("id").asString())).contains(callbackId);

        Api.Response attempt = customerService.post("/api/v1/callbacks/" + callbackId + "/attempts",
                """
                {"reached":false,"comment":"无人接听"}""");

        assertThat(attempt.status()).isEqualTo(200);
        JsonNode after = attempt.json();
        assertThat(after.get("status").asString()).isEqualTo("QUEUED");
        assertThat(after.get("attempts").size()).isEqualTo(1);
        assertThat(after.get("nextAttemptAt").asString()).isNotEqualTo(before.get("nextAttemptAt").asString());
        Api.Response retried = customerService.post("/api/v1/callbacks/" + callbackId + "/attempts", """
                {"reached":false,"comment":"无人接听"}""", "Idempotency-Key", "call-1");
        Api.Response retriedAgain = customerService.post("/api/v1/callbacks/" + callbackId + "/attempts", """
                {"reached":false,"comment":"无人接听"}""", "Idempotency-Key", "call-1");
        assertThat(retried.json().get("attempts").size()).isEqualTo(2);
        assertThat(retriedAgain.status()).isEqualTo(200);
        assertThat(retriedAgain.json().get("attempts").size()).isEqualTo(2);
        try (TopicReader followups = new TopicReader(broker.getBrokersAsString(), Topics.FOLLOWUPS)) {
            followups.read(r -> caseId.equals(r.key()), 2, WAIT);
            Barriers.outboxEmpty(mongo, outbox.collections());
            List<ConsumerRecord<String, byte[]>> published = followups.readToEnd().stream()
                    .filter(r -> caseId.equals(r.key())).toList();
            assertThat(published).extracting(r -> TopicReader.header(r, "ce_type"))
                    .containsExactly(EventTypes.CUSTOMER_FEEDBACK_RECORDED, EventTypes.CUSTOMER_FEEDBACK_RECORDED);
            JsonNode feedback = JSON.readTree(published.get(0).value()).get("data");
            assertThat(feedback.get("reached").asBoolean()).isFalse();
            assertThat(feedback.get("agentId").asString()).isEqualTo("A001");
            assertThat(feedback.has("phone")).isFalse();
        }
    }

    @Test
    void whenTheCustomerIsDissatisfiedThenFeedbackAndAReopenRequestArePublishedAndTheCallbackIsClosed() {
        String caseId = followed.resolvedNow();
        String callbackId = caseId + ".3.1";
        String etag = customerService.get("/api/v1/callbacks/" + callbackId).header("ETag");
        queued(callbackId);

        Api.Response recorded = customerService.post("/api/v1/callbacks/" + callbackId + "/attempts",
                """
                {"reached":true,"satisfaction":2,"resolved":false,"comment":"天花板还是有水渍，很不满意"}""",
                "If-Match", etag);

        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.json().get("status").asString()).isEqualTo("COMPLETED");
        try (TopicReader followups = new TopicReader(broker.getBrokersAsString(), Topics.FOLLOWUPS)) {
            List<ConsumerRecord<String, byte[]>> published = followups.read(r -> caseId.equals(r.key()), 2, WAIT);
            assertThat(published).extracting(r -> TopicReader.header(r, "ce_type")).containsExactly(
                    EventTypes.CUSTOMER_FEEDBACK_RECORDED, EventTypes.CASE_REOPEN_REQUESTED);
            JsonNode request = JSON.readTree(published.get(1).value()).get("data");
            assertThat(request.get("satisfaction").asInt()).isEqualTo(2);
            // the customer's words travel sealed; routing, holding the key, reads them
            assertThat(new String(published.get(1).value(), StandardCharsets.UTF_8)).doesNotContain("天花板还是有水渍");
            assertThat(reader.read(MessageBuilder.withPayload(published.get(1).value()).build(),
                    CaseReopenRequested.class).data().comment()).isEqualTo("天花板还是有水渍，很不满意");
            assertThat(request.get("requestedBy").asString()).isEqualTo("D-CS-01");
        }

        Api.Response again = customerService.post("/api/v1/callbacks/" + callbackId + "/attempts",
                """
                {"reached":true,"satisfaction":5,"resolved":true}""");
        assertThat(again.status()).isEqualTo(409);
        Api.Response stale = customerService.post("/api/v1/callbacks/" + callbackId + "/attempts",
                """
                {"reached":false}""", "If-Match", etag);
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void whenTheOutcomeIsIncompleteOrWrongThenEachBadFieldIsNamedAndNothingIsRecordedOrPublished() {
        String caseId = followed.resolvedNow();
        String callbackId = caseId + ".3.1";
        queued(callbackId);
        String path = "/api/v1/callbacks/" + callbackId + "/attempts";

        Api.Response missing = customerService.post(path, """
                {"reached":true}""");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("satisfaction", "resolved");

        Api.Response outOfRange = customerService.post(path, """
                {"reached":true,"satisfaction":6,"resolved":true,"comment":"%s"}""".formatted("很".repeat(501)));
        assertThat(outOfRange.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("satisfaction", "comment");

        assertThat(customerService.post(path, """
                {"reached":false,"satisfaction":3}""").status()).isEqualTo(400);
        assertThat(customerService.post(path, """
                {"reached":"yes"}""").status()).isEqualTo(400);
        assertThat(customerService.post(path, """
                {"reached":false,"customerPhone":"13800000000"}""").status()).isEqualTo(400);
        assertThat(customerService.post(path, "{").status()).isEqualTo(400);

        assertThat(customerService.get("/api/v1/callbacks/" + callbackId).json().get("attempts").size()).isZero();
        try (TopicReader followups = new TopicReader(broker.getBrokersAsString(), Topics.FOLLOWUPS)) {
            Barriers.outboxEmpty(mongo, outbox.collections());
            assertThat(followups.readToEnd()).filteredOn(r -> caseId.equals(r.key())).isEmpty();
        }
    }

    @Test
    void whenOtherDepartmentsOrReviewersUseTheQueueThenOnlyCustomerServiceRecordsAndReviewersSeeMaskedNumbers() {
        String caseId = followed.resolvedNow();
        String callbackId = caseId + ".3.1";
        assertThat(queued(callbackId).get("customer").get("phone").asString()).isEqualTo("13812345678");

        Api engineering = new Api(port, IDP.departmentToken("D-ENG-01", "ENGINEERING"));
        Api supervisor = new Api(port, IDP.token("S001", "SUPERVISOR"));
        Api agent = new Api(port, IDP.token("A001", "AGENT"));

        assertThat(engineering.get("/api/v1/callbacks").status()).isEqualTo(403);
        assertThat(engineering.post("/api/v1/callbacks/" + callbackId + "/attempts", """
                {"reached":false}""").status()).isEqualTo(403);
        assertThat(supervisor.post("/api/v1/callbacks/" + callbackId + "/attempts", """
                {"reached":false}""").status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/callbacks").status()).isEqualTo(403);
        JsonNode reviewed = supervisor.get("/api/v1/callbacks/" + callbackId).json();
        assertThat(reviewed.get("customer").get("phone").asString()).isEqualTo("138****5678");
        assertThat(customerService.get("/api/v1/callbacks/" + caseId + ".9.9").status()).isEqualTo(404);
    }
}
