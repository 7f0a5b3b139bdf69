package com.caseflow.intake.web;

import com.caseflow.events.Topics;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.intake.contacts.persistence.ContactDocument;
import com.caseflow.intake.support.Fixtures;
import com.caseflow.support.consumer.EnvelopeReader;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxRelay;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.HostileInput;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TestInfrastructure;
import com.caseflow.support.testing.TestKeys;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.caseflow.support.testing.HostileInput.bodyCases;
import static com.caseflow.support.testing.HostileInput.encoded;
import static com.caseflow.support.testing.HostileInput.fieldCases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shared hostile set against every write API of intake (calls, visits, projects) and the text its queries take:
 * each a 4xx naming the bad field, never a 5xx, nothing stored and nothing published; markup is kept as the text it is.
 */
@ContextConfiguration(initializers = TestInfrastructure.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = Topics.LOCAL_PARTITIONS, topics = {Topics.CONTACTS, Topics.CALLS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class HostileInputTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY = 64 * 1024;

    /** Every field a call may carry, each in its documented type (times and a ring count together). */
    private static final String CALL_FIELDS = """
            {"ringStartedAt":"%s","answeredAt":"%s","ringCount":2,
             "callerName":"王小明","phone":"13812345678","callerType":"OWNER","projectCode":"SH-LJY",
             "unit":"3栋2单元1201","matter":"卫生间天花板漏水","category":"REPAIR","settledOnCall":false,
             "greetingGiven":true,"callId":"C-20261205-0001"}""".formatted(Fixtures.at("09:15:02"),
            Fixtures.at("09:15:09"));

    private static final String VISIT_FIELDS = """
            {"arrivedAt":"%s","greetedAt":"%s","visitorName":"李娜","visitorType":"OWNER",
             "organisation":"业主委员会","phone":"021-58881234","projectCode":"SH-LJY","unit":"3栋2单元1201",
             "purpose":"咨询交房时间","hostedBy":"交付部 陈经理","category":"HANDOVER","settledOnVisit":false}"""
            .formatted(Fixtures.at("10:30:00"), Fixtures.at("10:30:20"));

    private static final String PROJECT = """
            {"code":"SZ-HOSTILE","name":"深圳湾一号","city":"深圳","district":"南山区","address":"南山区滨海大道1号",
             "salesStatus":"ON_SALE","serviceHotline":"400-820-8820",
             "unitTypes":[{"name":"A户型","layout":"三室两厅两卫","areaSqm":128.50,"priceFromCny":8200000.00,
                           "priceToCny":9600000.00}],
             "faqs":[{"question":"什么时候交房？","answer":"预计2027年6月30日前交付。"}],"version":0}""";

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxRelay relay;

    @Test
    void whenEveryWriteApiIsFedTheHostileSetThenEachIsRefusedByNameAndNothingIsStoredOrPublished() {
        Api agent = new Api(port, TestIdentityProvider.get().token("A001", "AGENT"));
        Api reception = agent.as(TestIdentityProvider.get().token("R002", "AGENT"));
        Api admin = agent.as(TestIdentityProvider.get().token("ADMIN01", "ADMIN"));
        HostileInput.signedIn(admin, "/api/v1/projects");
        await().atMost(Duration.ofSeconds(60)).until(() -> relay.backlog() == 0 && pendingEvents() == 0);
        Document projectBefore = mongo.findById("SH-LJY", Document.class, "projects");
        long contacts = mongo.count(new Query(), ContactDocument.COLLECTION);
        long projects = mongo.count(new Query(), "projects");

        try (TopicReader topic = new TopicReader(broker.getBrokersAsString(), Topics.CONTACTS)) {
            int published = topic.readToEnd(Duration.ofSeconds(60)).size();
            List<String> wrong = new ArrayList<>();
            wrong.addAll(HostileInput.refusals(agent, "POST", "/api/v1/calls",
                    cases(CALL_FIELDS, Fixtures.LEAK_CALL)));
            wrong.addAll(HostileInput.refusals(reception, "POST", "/api/v1/visits",
                    cases(VISIT_FIELDS, Fixtures.HANDOVER_VISIT)));
            wrong.addAll(HostileInput.refusals(admin, "POST", "/api/v1/projects", cases(PROJECT, PROJECT)));
            wrong.addAll(HostileInput.refusals(admin, "PUT", "/api/v1/projects/SH-LJY",
                    cases(PROJECT.replace("SZ-HOSTILE", "SH-LJY"), PROJECT.replace("SZ-HOSTILE", "SH-LJY"))));
            wrong.addAll(parameterRefusals(agent, admin));

            assertThat(wrong).isEmpty();
            assertThat(mongo.count(new Query(), ContactDocument.COLLECTION)).isEqualTo(contacts);
            assertThat(mongo.count(new Query(), "projects")).isEqualTo(projects);
            assertThat(mongo.findById("SH-LJY", Document.class, "projects")).isEqualTo(projectBefore);

            // the barrier: a valid call after the refusals is published; once the outbox is empty, the topic read
            // to its end holds that one event more, so no refused request left anything to publish
            Api.Response accepted = agent.post("/api/v1/calls", Fixtures.call(HostileInput.MARKUP, "13900008888",
                    "<i>卫生间</i>漏水 & \\\"楼上\\\""));
            assertThat(accepted.status()).isEqualTo(201);
            String id = accepted.json().get("id").asString();
            ConsumerRecord<String, byte[]> event = topic.withKey(id, Duration.ofSeconds(60)).get(0);
            await().atMost(Duration.ofSeconds(60)).until(() -> pendingEvents() == 0);
            assertThat(topic.readToEnd(Duration.ofSeconds(60))).hasSize(published + 1);

            // markup is text: stored, answered and published as it was typed (sealed on the topic, opened by the
            // services holding the key), escaped by whoever renders it
            assertThat(accepted.json().get("customerName").asString()).isEqualTo(HostileInput.MARKUP);
            Document stored = mongo.findById(id, Document.class, ContactDocument.COLLECTION);
            assertThat(stored.toJson()).contains(HostileInput.MARKUP.replace("\"", "\\\""));
            String raw = new String(event.value(), StandardCharsets.UTF_8);
            assertThat(raw).doesNotContain("<script>", "卫生间", "13900008888");
            ContactReceived data = new EnvelopeReader(JSON, TestKeys.keyring())
                    .read(MessageBuilder.withPayload(event.value()).build(), ContactReceived.class).data();
            assertThat(data.customerName()).isEqualTo(HostileInput.MARKUP);
            assertThat(data.matter()).isEqualTo("<i>卫生间</i>漏水 & \"楼上\"");
        }
    }

    private static List<HostileInput.Case> cases(String allFields, String valid) {
        return Stream.concat(fieldCases(allFields).stream(), bodyCases(valid, MAX_BODY).stream()).toList();
    }

    /** The text queries take: a customer's number, a project, a city, ids in the path. */
    private static List<String> parameterRefusals(Api agent, Api admin) {
        List<String> wrong = new ArrayList<>();
        for (String control : HostileInput.CONTROL_TEXTS_IN_ADDRESSES) {
            String text = encoded(control);
            check(wrong, agent, "GET", "/api/v1/contacts?phone=" + text, "phone");
            check(wrong, agent, "GET", "/api/v1/contacts?phone=13812345678&project=" + text, "project");
            check(wrong, agent, "GET", "/api/v1/contacts/" + text.replace("+", "%20"), "id");
            check(wrong, admin, "GET", "/api/v1/projects?city=" + text, "city");
            check(wrong, admin, "GET", "/api/v1/projects/" + text.replace("+", "%20"), "code");
        }
        return wrong;
    }

    private static void check(List<String> wrong, Api api, String method, String path, String parameter) {
        String answer = HostileInput.wrongParameterAnswer(api, method, path, parameter);
        if (answer != null) {
            wrong.add(answer);
        }
    }

    private long pendingEvents() {
        return mongo.count(Query.query(Criteria.where(Outbox.ENTRIES + ".0").exists(true)),
                ContactDocument.COLLECTION);
    }
}
