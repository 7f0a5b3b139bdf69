package com.caseflow.support.deadletter;

import com.caseflow.support.audit.AccessAudit;
import com.caseflow.support.relaytest.RelayTestService;
import com.caseflow.support.security.Roles;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TestInfrastructure;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Dead letters listed with their errors and without their personal data, replayed once by an administrator. */
@SpringBootTest(classes = RelayTestService.class, properties = {
        "spring.application.name=dead-letter-test",
        "caseflow.security.audience=intake-service",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "caseflow.outbox.collections=" + RelayTestService.COLLECTION,
        "caseflow.dead-letters.topics=cases"})
@ContextConfiguration(initializers = TestInfrastructure.class)
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3, topics = {"cases", "cases.dlq"}, brokerProperties = "auto.create.topics.enable=false")
class DeadLetterKafkaTests {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final TestIdentityProvider IDP = TestIdentityProvider.get();

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;

    @Test
    void whenADeadLetterIsListedThenItsErrorShowsAndItsPersonalDataDoesNotAndItIsReplayedOnceAudited()
            throws Exception {
        String caseId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        RecordMetadata dead = deadLetter(caseId, eventId);

        mvc.perform(get("/api/v1/admin/dead-letters").param("topic", "cases")
                        .header(HttpHeaders.AUTHORIZATION, bearer("S001", Roles.SUPERVISOR)))
                .andExpect(status().isForbidden());
        String listed = "$[?(@.eventId == '" + eventId + "')]";
        mvc.perform(get("/api/v1/admin/dead-letters").param("topic", "cases.dlq")
                        .header(HttpHeaders.AUTHORIZATION, bearer("ADMIN01", Roles.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath(listed + ".partition").value(dead.partition()))
                .andExpect(jsonPath(listed + ".offset").value((int) dead.offset()))
                .andExpect(jsonPath(listed + ".key").value(caseId))
                .andExpect(jsonPath(listed + ".eventType").value("caseflow.case.routed.v1"))
                .andExpect(jsonPath(listed + ".errorType").value("PoisonRecordException"))
                .andExpect(jsonPath(listed + ".error").value("department \"***\" unknown for caller ***"))
                .andExpect(content().string(not(containsString("13812345678"))))
                .andExpect(content().string(not(containsString("王小明"))));

        String replay = "{\"records\":[{\"topic\":\"cases.dlq\",\"partition\":" + dead.partition() + ",\"offset\":"
                + dead.offset() + "}]}";
        mvc.perform(post("/api/v1/admin/dead-letters/replay").contentType(MediaType.APPLICATION_JSON).content(replay)
                        .header(HttpHeaders.AUTHORIZATION, bearer("S001", Roles.SUPERVISOR)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/admin/dead-letters/replay").contentType(MediaType.APPLICATION_JSON).content(replay)
                        .header(HttpHeaders.AUTHORIZATION, bearer("ADMIN01", Roles.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.records[0]").value("cases.dlq/" + dead.partition() + "/" + dead.offset()));

        // the replay answered after the broker's acknowledgement: reading to the end offsets now sees all of it
        try (TopicReader cases = new TopicReader(broker.getBrokersAsString(), "cases")) {
            assertThat(cases.readToEnd(WAIT)).filteredOn(r -> caseId.equals(r.key())).singleElement()
                    .satisfies(record -> {
                        assertThat(TopicReader.header(record, "ce_id")).isEqualTo(eventId);
                        assertThat(TopicReader.header(record, DeadLetters.REPLAYED_FROM))
                                .isEqualTo("cases.dlq/" + dead.partition() + "/" + dead.offset());
                        assertThat(record.headers().toArray()).noneMatch(h -> h.key().startsWith("x-exception-"));
                        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("王小明");
                    });
        }
        assertThat(mongo.find(Query.query(Criteria.where("action").is("dead-letter.replay")
                        .and("subject").is("cases.dlq/" + dead.partition() + "/" + dead.offset())),
                Document.class, AccessAudit.COLLECTION)).singleElement()
                .satisfies(audit -> assertThat(audit.getString("staffId")).isEqualTo("ADMIN01"));
    }

    @Test
    void whenTheTopicOrTheRecordsAreWrongThenTheProblemNamesTheField() throws Exception {
        mvc.perform(get("/api/v1/admin/dead-letters").param("topic", "followups")
                        .header(HttpHeaders.AUTHORIZATION, bearer("ADMIN01", Roles.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("topic"));
        mvc.perform(post("/api/v1/admin/dead-letters/replay").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"topic\":\"cases.dlq\",\"partition\":-1}]}")
                        .header(HttpHeaders.AUTHORIZATION, bearer("ADMIN01", Roles.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("records[0].partition"))
                .andExpect(jsonPath("$.errors[1].field").value("records[0].offset"));
        mvc.perform(post("/api/v1/admin/dead-letters/replay").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"topic\":\"cases.dlq\",\"partition\":0,\"offset\":999999}]}")
                        .header(HttpHeaders.AUTHORIZATION, bearer("ADMIN01", Roles.ADMIN)))
                .andExpect(status().isNotFound());
    }

    /** As the binder dead-letters a record: its key, value and headers, and the error in x-exception-*. */
    private RecordMetadata deadLetter(String caseId, String eventId) throws Exception {
        String payload = "{\"eventId\":\"" + eventId + "\",\"type\":\"caseflow.case.routed.v1\",\"key\":\"" + caseId
                + "\",\"payload\":{\"customerName\":\"王小明\",\"phone\":\"13812345678\"}}";
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("cases.dlq", caseId,
                payload.getBytes(StandardCharsets.UTF_8));
        header(record, "ce_id", eventId);
        header(record, "ce_type", "caseflow.case.routed.v1");
        header(record, "x-original-topic", "cases");
        header(record, "x-exception-fqcn", "com.caseflow.support.consumer.PoisonRecordException");
        header(record, "x-exception-message", "department \"王小明\" unknown for caller 13812345678");
        header(record, "x-exception-stacktrace", "at somewhere");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(record).get(60, TimeUnit.SECONDS);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String bearer(String staffId, String role) {
        return "Bearer " + IDP.token(staffId, role);
    }
}
