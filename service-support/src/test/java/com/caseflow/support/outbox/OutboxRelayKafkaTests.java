package com.caseflow.support.outbox;

import com.caseflow.support.audit.AccessAudit;
import com.caseflow.support.relaytest.RelayTestService;
import com.caseflow.support.security.Roles;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TestInfrastructure;
import com.caseflow.support.testing.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The relay against a real broker: acknowledgements per topic, a circuit breaker per topic, parking after a bounded
 * number of attempts with an ADMIN API to list and retry, a deleted department topic created again.
 */
@SpringBootTest(classes = RelayTestService.class, properties = {
        "spring.application.name=relay-test",
        "caseflow.security.audience=intake-service",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "caseflow.outbox.collections=" + RelayTestService.COLLECTION,
        "caseflow.outbox.sweep-interval=300ms",
        "caseflow.outbox.send-timeout=5s",
        "caseflow.outbox.max-attempts=3",
        "management.endpoint.health.show-components=always",
        "management.endpoint.health.status.order=DOWN, OUT_OF_SERVICE, WARNING, UP, UNKNOWN"})
@ContextConfiguration(initializers = TestInfrastructure.class)
@AutoConfigureMockMvc
// as in production, a topic exists only when someone created it
@EmbeddedKafka(partitions = 3, topics = {"cases", "cases.dept.eng"},
        brokerProperties = "auto.create.topics.enable=false")
class OutboxRelayKafkaTests {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final TestIdentityProvider IDP = TestIdentityProvider.get();

    /** A document with an outbox, as a service's store writes it. */
    record Thing(String id, List<OutboxEntry> outbox, OutboxClaim outboxClaim) {
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MockMvc mvc;
    @Autowired
    MeterRegistry meters;

    private static Admin admin;

    @AfterAll
    static void closeAdmin() {
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void whenADepartmentTopicRefusesAnEntryThenOtherDocumentsFlowAndTheCasesCopyIsSentOnce() throws Exception {
        // every record is too large for this department's topic: the broker answers, the topic refuses
        createTopic(new NewTopic("cases.dept.tiny", 3, (short) 1).configs(Map.of("max.message.bytes", "200")));
        String refused = write(List.of("cases", "cases.dept.tiny"), "x".repeat(2_000));
        await().atMost(WAIT).until(() -> stored(refused).attempts() >= 1);
        List<String> others = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(write(List.of("cases", "cases.dept.eng"), "{}"));
        }

        try (TopicReader cases = new TopicReader(broker.getBrokersAsString(), "cases");
             TopicReader eng = new TopicReader(broker.getBrokersAsString(), "cases.dept.eng")) {
            for (String other : others) {
                assertThat(cases.withKey(other, WAIT)).hasSize(1);
                assertThat(eng.withKey(other, WAIT)).hasSize(1);
            }
            await().atMost(WAIT).until(() -> stored(refused).parked());
            assertThat(stored(refused).acknowledged()).containsExactly("cases");
            assertThat(stored(refused).lastError()).contains("cases.dept.tiny", "RecordTooLargeException");
            // parked: nothing of it is sent any more, so the topic read to its end holds every copy there will be
            assertThat(cases.readToEnd()).filteredOn(r -> refused.equals(r.key())).hasSize(1);
        }
        for (String other : others) {
            assertThat(mongo.findById(other, Thing.class, RelayTestService.COLLECTION).outbox()).isEmpty();
        }
    }

    @Test
    void whenATopicIsMissingThenTheEntryIsParkedListedAndPublishedOnceAfterTheRetry() throws Exception {
        String id = write(List.of("cases", "partners.later"), "{}");

        await().atMost(WAIT).until(() -> stored(id).parked());
        assertThat(stored(id).attempts()).isEqualTo(3);
        String entryId = stored(id).entryId();
        await().atMost(WAIT).until(() -> relay.parkedCount() >= 1);
        assertThat(meters.get("caseflow.outbox.parked").gauge().value()).isGreaterThanOrEqualTo(1);
        mvc.perform(get("/actuator/health/outbox"))
                .andExpect(jsonPath("$.status").value("WARNING"));
        mvc.perform(get("/api/v1/admin/outbox/parked").header(HttpHeaders.AUTHORIZATION, bearer(Roles.AGENT)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/outbox/parked").header(HttpHeaders.AUTHORIZATION, bearer(Roles.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.entryId == '" + entryId + "')].documentId").value(id))
                .andExpect(jsonPath("$[?(@.entryId == '" + entryId + "')].acknowledged[0]").value("cases"))
                .andExpect(jsonPath("$[?(@.entryId == '" + entryId + "')].lastError").value(
                        "test.thing.v1 on partners.later: UnknownTopicOrPartitionException"))
                .andExpect(jsonPath("$[0].payload").doesNotExist());

        createTopic(new NewTopic("partners.later", 3, (short) 1));
        mvc.perform(post("/api/v1/admin/outbox/parked/{id}/retry", entryId)
                        .header(HttpHeaders.AUTHORIZATION, bearer(Roles.SUPERVISOR)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/admin/outbox/parked/{id}/retry", entryId)
                        .header(HttpHeaders.AUTHORIZATION, bearer(Roles.ADMIN)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.entryIds[0]").value(entryId));

        await().atMost(WAIT).until(() -> pending(id).isEmpty());
        try (TopicReader partners = new TopicReader(broker.getBrokersAsString(), "partners.later");
             TopicReader cases = new TopicReader(broker.getBrokersAsString(), "cases")) {
            assertThat(partners.readToEnd()).filteredOn(r -> id.equals(r.key())).hasSize(1);
            assertThat(cases.readToEnd()).filteredOn(r -> id.equals(r.key())).hasSize(1);
        }
        assertThat(mongo.find(Query.query(Criteria.where("action").is("outbox.retry").and("subject").is(entryId)),
                Document.class, AccessAudit.COLLECTION)).singleElement()
                .satisfies(audit -> assertThat(audit.getString("staffId")).isEqualTo("ADMIN01"));
        mvc.perform(post("/api/v1/admin/outbox/parked/{id}/retry", entryId)
                        .header(HttpHeaders.AUTHORIZATION, bearer(Roles.ADMIN)))
                .andExpect(status().isNotFound());
    }

    @Test
    void whenADepartmentTopicIsDeletedThenTheRelayCreatesItAgainAndPublishes() throws Exception {
        createTopic(new NewTopic("cases.dept.doomed", 3, (short) 1));
        String id = write(List.of("cases", "cases.dept.doomed"), "{}");
        await().atMost(WAIT).until(() -> pending(id).isEmpty());
        admin().deleteTopics(List.of("cases.dept.doomed")).all().get(60, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> !admin().listTopics().names().get().contains("cases.dept.doomed"));

        OutboxEntry next = entry(id, List.of("cases", "cases.dept.doomed"), "{}");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().push(Outbox.ENTRIES, next)
                .set(Outbox.CLAIM, outbox.claim()), RelayTestService.COLLECTION);
        outbox.stored(RelayTestService.COLLECTION, id);

        await().atMost(WAIT).until(() -> pending(id).isEmpty());
        try (TopicReader doomed = new TopicReader(broker.getBrokersAsString(), "cases.dept.doomed")) {
            assertThat(doomed.readToEnd()).extracting(r -> TopicReader.header(r, "ce_id")).contains(next.eventId());
        }
        assertThat(admin().describeTopics(List.of("cases.dept.doomed")).allTopicNames().get()
                .get("cases.dept.doomed").partitions()).hasSize(3);
        assertThat(meters.get("caseflow.outbox.topics.recreated").counter().count()).isGreaterThanOrEqualTo(1);
    }

    private String write(List<String> topics, String payload) {
        String id = UUID.randomUUID().toString();
        OutboxEntry entry = entry(id, topics, payload);
        mongo.insert(new Thing(id, List.of(entry), outbox.claim()), RelayTestService.COLLECTION);
        outbox.inserted(RelayTestService.COLLECTION, id, List.of(entry));
        return id;
    }

    private static OutboxEntry entry(String key, List<String> topics, String payload) {
        String eventId = UUID.randomUUID().toString();
        return new OutboxEntry(eventId, eventId, "test.thing.v1", topics, key, Instant.now(), payload);
    }

    private List<OutboxEntry> pending(String id) {
        return mongo.findById(id, Thing.class, RelayTestService.COLLECTION).outbox();
    }

    private OutboxEntry stored(String id) {
        return pending(id).get(0);
    }

    private String bearer(String role) {
        return "Bearer " + IDP.token(role.equals(Roles.ADMIN) ? "ADMIN01" : "S001", role);
    }

    private void createTopic(NewTopic topic) throws Exception {
        admin().createTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
        }
        return admin;
    }
}
