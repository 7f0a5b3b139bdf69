package com.caseflow.intake.contacts;

import com.caseflow.events.CloudEventHeaders;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.intake.contacts.persistence.ContactDocument;
import com.caseflow.intake.support.Fixtures;
import com.caseflow.support.outbox.OutboxProperties;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake scenario against a real MongoDB replica set and a real Kafka in containers, as in production. Runs
 * wherever Docker is available and is reported as skipped elsewhere.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContactIntakeContainersTests {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("intake"));
        TestIdentityProvider.register(registry);
    }

    @BeforeAll
    static void topics() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", KAFKA.getBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.CONTACTS, Topics.LOCAL_PARTITIONS, (short) 1),
                    new NewTopic(Topics.CALLS, Topics.LOCAL_PARTITIONS, (short) 1))).all().get();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxProperties outbox;

    @Test
    void whenCallsAreRecordedThenEachIsPublishedOnceAndInvalidOnesLeaveNoTrace() {
        Api api = new Api(port, TestIdentityProvider.get().token("A001", "AGENT"));
        String key = UUID.randomUUID().toString();

        Api.Response call = api.post("/api/v1/calls", Fixtures.LEAK_CALL, "Idempotency-Key", key);
        Api.Response retry = api.post("/api/v1/calls", Fixtures.LEAK_CALL, "Idempotency-Key", key);
        Api.Response visit = api.post("/api/v1/visits", Fixtures.HANDOVER_VISIT);
        Api.Response invalid = api.post("/api/v1/calls", Fixtures.LEAK_CALL.replace("13812345678", "000"));

        assertThat(call.status()).isEqualTo(201);
        assertThat(retry.json().get("id")).isEqualTo(call.json().get("id"));
        assertThat(visit.status()).isEqualTo(201);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(mongo.count(new Query(), ContactDocument.class)).isEqualTo(2);
        try (TopicReader topic = new TopicReader(KAFKA.getBootstrapServers(), Topics.CONTACTS)) {
            String callId = call.json().get("id").asString();
            String visitId = visit.json().get("id").asString();
            topic.read(r -> true, 2, Duration.ofSeconds(60));
            Barriers.outboxEmpty(mongo, outbox.collections());
            var records = topic.readToEnd();
            assertThat(records).extracting(r -> r.key()).containsExactlyInAnyOrder(callId, visitId);
            assertThat(records).allSatisfy(r ->
                    assertThat(TopicReader.header(r, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.CONTACT_RECEIVED));
        }
        assertThat(api.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
    }
}
