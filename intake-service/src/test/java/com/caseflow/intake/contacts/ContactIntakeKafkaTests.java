package com.caseflow.intake.contacts;

import com.caseflow.events.CloudEventHeaders;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.intake.contacts.persistence.ContactDocument;
import com.caseflow.support.consumer.EnvelopeReader;
import com.caseflow.support.outbox.OutboxProperties;
import com.caseflow.support.outbox.OutboxRelay;
import com.caseflow.intake.support.Fixtures;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TestInfrastructure;
import com.caseflow.support.testing.TestKeys;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Intake end to end on a real Kafka broker: HTTP in, one document, one ContactReceived out. */
@ContextConfiguration(initializers = TestInfrastructure.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = Topics.LOCAL_PARTITIONS, topics = {Topics.CONTACTS, Topics.CALLS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ContactIntakeKafkaTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();


    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxRelay relay;
    @Autowired
    OutboxProperties outbox;

    Api api;
    TopicReader topic;

    @BeforeEach
    void connect() {
        api = new Api(port, TestIdentityProvider.get().token("A001", "AGENT"));
        topic = new TopicReader(broker.getBrokersAsString(), Topics.CONTACTS);
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    @Test
    void whenACallIsRecordedThenOneContactReceivedCarriesEveryFieldAndTheCloudEventsHeaders() {
        Api.Response response = api.post("/api/v1/calls", Fixtures.LEAK_CALL);

        assertThat(response.status()).isEqualTo(201);
        String id = response.json().get("id").asString();
        assertThat(response.header("Location")).endsWith("/api/v1/contacts/" + id);
        assertThat(response.json().get("categoryLabel").asString()).isEqualTo("报修");

        ConsumerRecord<String, byte[]> record = topic.withKey(id, Duration.ofSeconds(90)).get(0);
        assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.CONTACT_RECEIVED);
        assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/caseflow/intake-service");
        assertThat(TopicReader.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(Instant.parse(TopicReader.header(record, CloudEventHeaders.TIME))).isBeforeOrEqualTo(Instant.now());
        JsonNode envelope = JSON.readTree(record.value());
        assertThat(TopicReader.header(record, CloudEventHeaders.ID)).isEqualTo(envelope.get("eventId").asString());
        assertThat(envelope.get("key").asString()).isEqualTo(id);
        assertThat(envelope.get("schemaVersion").asInt()).isEqualTo(1);
        JsonNode data = envelope.get("data");
        assertThat(data.get("contactId").asString()).isEqualTo(id);
        assertThat(data.get("channel").asString()).isEqualTo("PHONE");
        assertThat(data.get("agentId").asString()).isEqualTo("A001");
        assertThat(data.get("ringStartedAt").asString()).isEqualTo(Fixtures.utc("09:15:02"));
        assertThat(data.get("answeredAt").asString()).isEqualTo(Fixtures.utc("09:15:09"));
        assertThat(data.get("ringCount").asInt()).isEqualTo(2);
        assertThat(data.get("answeredWithinThreeRings").asBoolean()).isTrue();
        assertThat(data.get("greetingGiven").asBoolean()).isTrue();
        assertThat(data.get("callerType").asString()).isEqualTo("OWNER");
        assertThat(data.get("projectCode").asString()).isEqualTo("SH-LJY");
        // the customer travels sealed, with a token that tells them apart without the number
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .doesNotContain("王小明", "13812345678", "3栋2单元1201", "卫生间天花板漏水");
        assertThat(data.get("customerToken").asString())
                .isEqualTo(TestKeys.customerTokens().of("138 1234 5678").orElseThrow());
        ContactReceived opened = opened(record);
        assertThat(opened.customerName()).isEqualTo("王小明");
        assertThat(opened.phone()).isEqualTo("13812345678");
        assertThat(opened.unit()).isEqualTo("3栋2单元1201");
        assertThat(opened.matter()).isEqualTo("卫生间天花板漏水");
        assertThat(data.get("category").asString()).isEqualTo("REPAIR");
        assertThat(data.get("settledAtFirstContact").asBoolean()).isFalse();
        assertThat(data.get("recordComplete").asBoolean()).isTrue();
        assertThat(data.has("arrivedAt")).isFalse();
    }

    @Test
    void whenAVisitIsRecordedThenItsContactReceivedCarriesTheVisitFields() {
        Api.Response response = api.as(TestIdentityProvider.get().token("R002", "AGENT"))
                .post("/api/v1/visits", Fixtures.HANDOVER_VISIT);

        assertThat(response.status()).isEqualTo(201);
        String id = response.json().get("id").asString();
        ConsumerRecord<String, byte[]> record = topic.withKey(id, Duration.ofSeconds(90)).get(0);
        JsonNode data = JSON.readTree(record.value()).get("data");
        assertThat(data.get("channel").asString()).isEqualTo("VISIT");
        assertThat(data.get("agentId").asString()).isEqualTo("R002");
        assertThat(data.get("arrivedAt").asString()).isEqualTo(Fixtures.utc("10:30:00"));
        assertThat(data.get("greetedAt").asString()).isEqualTo(Fixtures.utc("10:30:20"));
        assertThat(data.get("hostedBy").asString()).isEqualTo("交付部 陈经理");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .doesNotContain("李娜", "业主委员会", "58881234", "咨询交房时间");
        ContactReceived opened = opened(record);
        assertThat(opened.customerName()).isEqualTo("李娜");
        assertThat(opened.organisation()).isEqualTo("业主委员会");
        assertThat(opened.phone()).isEqualTo("021-58881234");
        assertThat(opened.matter()).isEqualTo("咨询交房时间");
        assertThat(data.get("category").asString()).isEqualTo("HANDOVER");
        assertThat(data.has("ringCount")).isFalse();
    }

    /** The event as routing reads it, with the sealing key. */
    private static ContactReceived opened(ConsumerRecord<String, byte[]> record) {
        return new EnvelopeReader(JSON, TestKeys.keyring()).read(MessageBuilder.withPayload(record.value()).build(),
                ContactReceived.class).data();
    }

    @Test
    void whenTheSameIdempotencyKeyIsSentTwiceThenOneContactAndOneEvent() {
        String key = UUID.randomUUID().toString();
        String body = Fixtures.call("张伟", "13900001111", "车库顶棚渗水");

        Api.Response first = api.post("/api/v1/calls", body, "Idempotency-Key", key);
        Api.Response retry = api.post("/api/v1/calls", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        String id = first.json().get("id").asString();
        assertThat(retry.json().get("id").asString()).isEqualTo(id);
        assertThat(mongo.count(queryByPhone("13900001111"), ContactDocument.class)).isEqualTo(1);
        topic.withKey(id, Duration.ofSeconds(60));
        Barriers.outboxEmpty(mongo, outbox.collections());
        assertThat(topic.readToEnd()).filteredOn(r -> id.equals(r.key())).hasSize(1);
    }

    @Test
    void whenAnIdempotencyKeyIsReusedForADifferentCallThen422AndNothingNew() {
        String key = UUID.randomUUID().toString();
        api.post("/api/v1/calls", Fixtures.call("赵敏", "13700002222", "门禁卡失灵"), "Idempotency-Key", key);

        Api.Response other = api.post("/api/v1/calls", Fixtures.call("赵敏", "13700002222", "电梯故障"),
                "Idempotency-Key", key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(mongo.count(queryByPhone("13700002222"), ContactDocument.class)).isEqualTo(1);
    }

    @Test
    void whenTheBodyIsInvalidThen400NamesEveryBadFieldAndNothingIsStoredOrPublished() {
        Barriers.outboxEmpty(mongo, outbox.collections());
        long stored = mongo.count(new org.springframework.data.mongodb.core.query.Query(), ContactDocument.class);
        long published = topic.endOffsetSum(Topics.CONTACTS);
        String invalid = Fixtures.LEAK_CALL
                .replace("13812345678", "12345")
                .replace("\"SH-LJY\"", "\"NO-SUCH\"")
                .replace("\"REPAIR\"", "\"漏水\"")
                .replace(Fixtures.at("09:15:09"), Fixtures.at("09:14:00"))
                .replace("\"王小明\"", "\"   \"");

        Api.Response response = api.post("/api/v1/calls", invalid);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        List<String> fields = response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).containsExactlyInAnyOrder("phone", "projectCode", "category", "answeredAt", "callerName");
        assertThat(response.raw().body()).doesNotContain("12345\"").doesNotContain("NO-SUCH");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), ContactDocument.class))
                .isEqualTo(stored);
        Barriers.outboxEmpty(mongo, outbox.collections());
        assertThat(topic.endOffsetSum(Topics.CONTACTS)).isEqualTo(published);
    }

    @Test
    void whenABodyWithoutALengthGrowsPastTheLimitThen413AndNothingIsStored() {
        long stored = mongo.count(new org.springframework.data.mongodb.core.query.Query(), ContactDocument.class);
        String huge = Fixtures.LEAK_CALL.replace("卫生间天花板漏水", "漏水".repeat(40_000));

        Api.Response response = api.postStreamed("/api/v1/calls", huge.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:caseflow:problem:body-too-large");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), ContactDocument.class))
                .isEqualTo(stored);
    }

    @Test
    void whenACustomerCallsAgainThenTheHistoryShowsTheirContactsNewestFirst() {
        api.post("/api/v1/calls", Fixtures.call("孙丽", "135 0000 3333", "客厅墙面开裂"));
        api.post("/api/v1/calls", Fixtures.call("孙丽", "+86 135-0000-3333", "墙面开裂仍未维修").replace("SH-LJY", "HZ-XXH"));
        api.post("/api/v1/calls", Fixtures.call("孙丽", "13500003333", "第三次来电：墙面开裂"));

        Api.Response all = api.get("/api/v1/contacts?phone=13500003333");
        Api.Response oneProject = api.get("/api/v1/contacts?phone=135-0000-3333&project=SH-LJY&size=1");

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("content").valueStream().map(c -> c.get("matter").asString()).toList())
                .containsExactly("第三次来电：墙面开裂", "墙面开裂仍未维修", "客厅墙面开裂");
        assertThat(oneProject.json().get("totalElements").asLong()).isEqualTo(2);
        assertThat(oneProject.json().get("totalPages").asInt()).isEqualTo(2);
        assertThat(oneProject.json().get("content").get(0).get("matter").asString()).isEqualTo("第三次来电：墙面开裂");
    }

    @Test
    void whenAContactIsReadByIdThenItComesBackAsRecorded() {
        String id = api.post("/api/v1/visits", Fixtures.HANDOVER_VISIT).json().get("id").asString();

        Api.Response contact = api.get("/api/v1/contacts/" + id);
        Api.Response missing = api.get("/api/v1/contacts/" + UUID.randomUUID());

        assertThat(contact.json().get("visit").get("arrivedAt").asString()).isEqualTo(Fixtures.at("10:30:00"));
        assertThat(contact.json().get("customerName").asString()).isEqualTo("李娜");
        assertThat(missing.status()).isEqualTo(404);
    }

    private static org.springframework.data.mongodb.core.query.Query queryByPhone(String phone) {
        return org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("contact.phone").is(phone));
    }
}
