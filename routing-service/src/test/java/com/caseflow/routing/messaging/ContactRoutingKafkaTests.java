package com.caseflow.routing.messaging;

import com.caseflow.events.CloudEventHeaders;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.followup.CaseReopenRequested;
import com.caseflow.routing.cases.domain.CaseStatus;
import com.caseflow.routing.cases.persistence.CaseDocument;
import com.caseflow.routing.cases.persistence.CaseStore;
import com.caseflow.routing.support.Contacts;
import com.caseflow.support.consumer.EnvelopeReader;
import com.caseflow.support.outbox.OutboxProperties;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.EventLog;
import com.caseflow.routing.support.Resolved;
import com.caseflow.routing.support.RoutingServiceTest;
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
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Routing through a real broker: contacts in, one case per matter out, poison to the dead-letter topic. */
@RoutingServiceTest
class ContactRoutingKafkaTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    CaseStore cases;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;
    @Autowired
    EnvelopeReader reader;
    @Autowired
    OutboxProperties outbox;

    EventLog log;
    TopicReader caseEvents;

    @BeforeEach
    void connect() {
        log = new EventLog(broker.getBrokersAsString());
        caseEvents = new TopicReader(broker.getBrokersAsString(), Topics.CASES);
    }

    @AfterEach
    void disconnect() {
        log.close();
        caseEvents.close();
    }

    private static String phone() {
        return "139" + String.format("%08d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000));
    }

    private List<JsonNode> eventsOfCase(String caseId, int atLeast) {
        assertThat(caseEvents.read(r -> caseId.equals(r.key()), atLeast, WAIT)).hasSizeGreaterThanOrEqualTo(atLeast);
        // all the case will say about what was sent so far: routing has read it all and published its outbox
        Barriers.consumed(broker.getBrokersAsString(), "routing-service", Topics.CONTACTS, Topics.FOLLOWUPS);
        Barriers.outboxEmpty(mongo, outbox.collections());
        return caseEvents.readToEnd().stream().filter(r -> caseId.equals(r.key()))
                .map(r -> JSON.readTree(new String(r.value(), StandardCharsets.UTF_8)))
                .toList();
    }

    private CaseDocument caseOfContact(String contactId) {
        await().atMost(WAIT).until(() -> findCase(contactId) != null);
        return findCase(contactId);
    }

    private CaseDocument findCase(String contactId) {
        return mongo.findOne(Query.query(Criteria.where("state.contacts.contactId").is(contactId)),
                CaseDocument.class);
    }

    @Test
    void whenALeakIsReportedThenOneUrgentCaseIsRoutedToEngineeringAndAnnouncedOnBothTopics() {
        EventEnvelope<ContactReceived> leak = Contacts.call(phone(), "SH-LJY", "3栋2单元1201",
                ContactCategory.REPAIR, "卫生间天花板漏水");
        try (TopicReader engineering = new TopicReader(broker.getBrokersAsString(),
                Topics.departmentCases("ENGINEERING"))) {
            log.publish(Topics.CONTACTS, leak);

            CaseDocument stored = caseOfContact(leak.key());
            JsonNode routed = eventsOfCase(stored.id(), 1).get(0);
            assertThat(routed.get("type").asString()).isEqualTo(EventTypes.CASE_ROUTED);
            assertThat(routed.get("correlationId").asString()).isEqualTo(leak.key());
            JsonNode data = routed.get("data");
            assertThat(data.get("departmentCode").asString()).isEqualTo("ENGINEERING");
            assertThat(data.get("departmentHead").asString()).isEqualTo("ENG-HEAD");
            assertThat(data.get("priority").asString()).isEqualTo("URGENT");
            assertThat(data.get("ruleId").asString()).isEqualTo("safety-engineering");
            assertThat(data.get("reasons").get(0).asString()).startsWith("ENGINEERING by rule safety-engineering");
            // the customer's words and number travel sealed; the services holding the key read them
            assertThat(routed.toString()).doesNotContain("卫生间天花板漏水", "3栋2单元1201", leak.data().phone());
            CaseRouted opened = reader.read(MessageBuilder.withPayload(JSON.writeValueAsBytes(routed)).build(),
                    CaseRouted.class).data();
            assertThat(opened.matter()).isEqualTo("卫生间天花板漏水");
            assertThat(opened.customer().phone()).isEqualTo(leak.data().phone());
            assertThat(data.get("deadlines").get("firstResponseHours").asInt()).isEqualTo(1);

            ConsumerRecord<String, byte[]> copy = engineering.withKey(stored.id(), WAIT).get(0);
            assertThat(TopicReader.header(copy, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.CASE_ROUTED);
            assertThat(TopicReader.header(copy, CloudEventHeaders.SOURCE)).isEqualTo("/caseflow/routing-service");
        }
    }

    @Test
    void whenTheSameContactIsDeliveredThreeTimesThenItOpensOneCaseAndOneCaseRouted() {
        EventEnvelope<ContactReceived> inquiry = Contacts.call(phone(), "SH-LJY", null, ContactCategory.INQUIRY,
                "三期什么时候开盘");
        log.publish(Topics.CONTACTS, inquiry);
        log.publish(Topics.CONTACTS, inquiry);
        log.publish(Topics.CONTACTS, Contacts.republished(inquiry));

        CaseDocument stored = caseOfContact(inquiry.key());

        assertThat(eventsOfCase(stored.id(), 1)).hasSize(1);
        assertThat(stored.state().departmentCode()).isEqualTo("CUSTOMER_SERVICE");
        assertThat(mongo.count(Query.query(Criteria.where("state.contacts.contactId").is(inquiry.key())),
                CaseDocument.class)).isEqualTo(1);
    }

    @Test
    void whenPoisonArrivesThenItIsDeadLetteredWithItsErrorAndTheNextContactOnThePartitionIsRouted() {
        String key = UUID.randomUUID().toString();
        EventEnvelope<ContactReceived> valid = Contacts.contact(key, phone(), "SH-LJY", null,
                ContactCategory.PAYMENT, "首付款发票什么时候开", false, Instant.now());
        EventEnvelope<ContactReceived> future = new EventEnvelope<>(UUID.randomUUID().toString(),
                EventTypes.CONTACT_RECEIVED, 99, Instant.now(), key, key, valid.data());
        try (TopicReader deadLetters = new TopicReader(broker.getBrokersAsString(),
                Topics.deadLetter(Topics.CONTACTS))) {
            log.sendText(Topics.CONTACTS, key, "{this is not json");
            log.sendText(Topics.CONTACTS, key, "{\"unrelated\": 1}");
            log.publish(Topics.CONTACTS, future);
            log.publish(Topics.CONTACTS, valid);

            CaseDocument routed = caseOfContact(key);
            assertThat(routed.state().departmentCode()).isEqualTo("FINANCE");
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.read(r -> key.equals(r.key()), 3, WAIT);
            assertThat(dead).hasSize(3);
            assertThat(dead).allSatisfy(r -> {
                assertThat(TopicReader.header(r, "x-exception-message")).isNotBlank();
                assertThat(TopicReader.header(r, "x-original-topic")).isEqualTo(Topics.CONTACTS);
            });
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{this is not json");
            assertThat(TopicReader.header(dead.get(2), "x-exception-message")).contains("schema version 99");
            assertThat(meters.counter("caseflow.dead.letters", "topic", Topics.CONTACTS).count())
                    .isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void whenTheAgentSettledTheMatterThenNoCaseIsOpened() {
        EventEnvelope<ContactReceived> settled = Contacts.settled(phone(), "询问售楼处地址，已告知");
        EventEnvelope<ContactReceived> after = Contacts.call(phone(), "SH-LJY", null, ContactCategory.INQUIRY, "x");
        log.publish(Topics.CONTACTS, settled);
        log.publish(Topics.CONTACTS, after);

        caseOfContact(after.key());
        await().atMost(WAIT).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(settled.key())),
                "contact_outcomes"));
        assertThat(findCase(settled.key())).isNull();
    }

    @Test
    void whenTheSameCustomerCallsAgainAboutTheSameMatterThenTheContactJoinsTheOpenCaseWithRaisedPriority() {
        String customer = phone();
        EventEnvelope<ContactReceived> first = Contacts.call(customer, "SH-LJY", "5栋1单元302",
                ContactCategory.PROPERTY_MANAGEMENT, "楼道灯坏了");
        log.publish(Topics.CONTACTS, first);
        CaseDocument opened = caseOfContact(first.key());

        EventEnvelope<ContactReceived> again = Contacts.call(customer, "SH-LJY", "5栋1单元302",
                ContactCategory.PROPERTY_MANAGEMENT, "楼道灯还是没修");
        log.publish(Topics.CONTACTS, again);

        List<JsonNode> events = eventsOfCase(opened.id(), 2);
        assertThat(events).extracting(e -> e.get("type").asString())
                .containsExactly(EventTypes.CASE_ROUTED, EventTypes.CONTACT_ATTACHED);
        assertThat(events.get(1).get("data").get("reason").asString()).isEqualTo("REPEAT");
        assertThat(events.get(1).get("data").get("priority").asString()).isEqualTo("HIGH");
        assertThat(events.get(1).get("data").get("sequence").asLong()).isEqualTo(2);
        assertThat(caseOfContact(again.key()).id()).isEqualTo(opened.id());
    }

    @Test
    void whenThreeCustomersReportTheSameProblemInOneBuildingThenOneIncidentCaseAnswersThemAll() {
        String project = "SZ-" + UUID.randomUUID().toString().substring(0, 6);
        EventEnvelope<ContactReceived> first = Contacts.call(phone(), project, "8栋1单元101",
                ContactCategory.REPAIR, "电梯停了");
        EventEnvelope<ContactReceived> second = Contacts.call(phone(), project, "8栋2单元1502",
                ContactCategory.REPAIR, "8栋电梯不动了");
        EventEnvelope<ContactReceived> third = Contacts.call(phone(), project, "8栋1单元2201",
                ContactCategory.REPAIR, "电梯坏了没法下楼");
        EventEnvelope<ContactReceived> otherBuilding = Contacts.call(phone(), project, "9栋1单元101",
                ContactCategory.REPAIR, "电梯停了");

        log.publish(Topics.CONTACTS, first);
        CaseDocument lead = caseOfContact(first.key());
        log.publish(Topics.CONTACTS, second);
        CaseDocument secondCase = caseOfContact(second.key());
        log.publish(Topics.CONTACTS, otherBuilding);
        CaseDocument separate = caseOfContact(otherBuilding.key());
        log.publish(Topics.CONTACTS, third);

        // the member is merged in a later write than the one that gives the lead the third contact: wait for both
        await().atMost(WAIT).until(() -> cases.find(lead.id()).orElseThrow().state().contacts().size() == 3
                && cases.find(secondCase.id()).orElseThrow().state().status() == CaseStatus.MERGED);
        var incident = cases.find(lead.id()).orElseThrow().state();
        assertThat(incident.incidentId()).startsWith("INC-");
        assertThat(incident.priority().name()).isIn("HIGH", "URGENT");
        assertThat(incident.contacts()).extracting(c -> c.contactId())
                .containsExactlyInAnyOrder(first.key(), second.key(), third.key());
        var merged = cases.find(secondCase.id()).orElseThrow().state();
        assertThat(merged.status()).isEqualTo(CaseStatus.MERGED);
        assertThat(merged.mergedInto()).isEqualTo(lead.id());
        assertThat(cases.find(separate.id()).orElseThrow().state().incidentId()).isNull();
        assertThat(eventsOfCase(secondCase.id(), 2)).extracting(e -> e.get("type").asString())
                .containsExactly(EventTypes.CASE_ROUTED, EventTypes.CASE_MERGED);
    }

    @Test
    void whenFollowUpAsksToReopenAResolvedCaseThenItIsOpenAgainOnceWithRaisedPriority() {
        EventEnvelope<ContactReceived> contact = Contacts.call(phone(), "SH-LJY", null, ContactCategory.INQUIRY,
                "物业费怎么交");
        log.publish(Topics.CONTACTS, contact);
        String caseId = caseOfContact(contact.key()).id();
        Resolved.byOwner(cases, caseId, "D-CS-01", "已告知缴费方式");

        long resolution = cases.find(caseId).orElseThrow().state().currentResolution().orElseThrow();
        CaseReopenRequested request = new CaseReopenRequested(caseId, "CB-1", 2, false, "还是不会交", "CS-07",
                Instant.now(), resolution);
        EventEnvelope<CaseReopenRequested> envelope = new EventEnvelope<>(UUID.randomUUID().toString(),
                EventTypes.CASE_REOPEN_REQUESTED, 1, Instant.now(), caseId, contact.key(), request);
        log.publish(Topics.FOLLOWUPS, envelope);
        log.publish(Topics.FOLLOWUPS, envelope);

        List<JsonNode> events = eventsOfCase(caseId, 2);
        assertThat(events).extracting(e -> e.get("type").asString())
                .containsExactly(EventTypes.CASE_ROUTED, EventTypes.CASE_REOPENED);
        var reopened = cases.find(caseId).orElseThrow().state();
        assertThat(reopened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(reopened.priority().name()).isEqualTo("HIGH");
        assertThat(reopened.reopenCount()).isEqualTo(1);
    }
}
