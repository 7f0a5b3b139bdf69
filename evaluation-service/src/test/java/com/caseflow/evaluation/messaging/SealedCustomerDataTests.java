package com.caseflow.evaluation.messaging;

import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.call.CallAbandoned;
import com.caseflow.events.call.CallOffered;
import com.caseflow.events.call.CallRinging;
import com.caseflow.events.cases.CaseCustomer;
import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.support.consumer.EnvelopeReader;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.EventLog;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TestKeys;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Evaluation needs no names or numbers, and holds no key to them: a contact and its case as intake and routing write
 * them (the customer's fields sealed) are counted as before, while evaluation reads the sealed fields as null and its
 * database, read collection by collection, holds neither the customer's name nor number, unit or words. Likewise a
 * missed call on {@code calls}: counted, its caller's number read as null.
 */
@EvaluationServiceTest
class SealedCustomerDataTests {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // a customer no other test uses, so that any trace of them in the database is this test's
    private static final String NAME = "甄秘密";
    private static final String PHONE = "13700009876";
    private static final String UNIT = "9栋9单元909";
    private static final String MATTER = "阳台渗水，请回电 13600005678";

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EnvelopeReader reader;
    @LocalServerPort
    int port;

    @Test
    void whenAContactAndItsCaseArriveSealedThenTheyAreCountedAndNoNameOrNumberIsKept() {
        String agent = "PII-" + UUID.randomUUID().toString().substring(0, 6);
        String department = "PII-" + UUID.randomUUID().toString().substring(0, 6);
        String contactId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        Instant t = LocalDateTime.parse("2026-10-20T09:00").atZone(SHANGHAI).toInstant();
        String token = TestKeys.customerTokens().of(PHONE).orElseThrow();
        ContactReceived contact = new ContactReceived(contactId, Channel.PHONE, agent, t, t.minusSeconds(6),
                t.minusSeconds(1), 2, true, true, null, null, null, NAME, CallerType.OWNER, PHONE, null, "SH-LJY",
                UNIT, MATTER, ContactCategory.REPAIR, false, true).withCustomerToken(token);
        CaseRouted routed = new CaseRouted(caseId, 1, contactId, agent, Channel.PHONE, t, "SH-LJY", UNIT,
                ContactCategory.REPAIR, MATTER, new CaseCustomer(NAME, PHONE, token), Complexity.COMPLEX,
                Priority.NORMAL, List.of(), department, "repairs", 1, new Deadlines(t.plusSeconds(3600),
                t.plusSeconds(8 * 3600), 1, 8), null, t, "ENG-HEAD");
        CaseResolved resolved = new CaseResolved(caseId, 2, department, "D-ENG-01", "已上门维修，业主 " + PHONE
                + " 确认", List.of(contactId), t.plusSeconds(2 * 3600));

        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            log.publishSealed(Topics.CONTACTS, envelope(contactId, contact), TestKeys.keyring());
            log.publishSealed(Topics.CASES, envelope(caseId, routed), TestKeys.keyring());
            log.publishSealed(Topics.CASES, envelope(caseId, resolved), TestKeys.keyring());
        }
        Barriers.consumed(broker.getBrokersAsString(), "evaluation-service", Topics.CONTACTS, Topics.CASES);

        Api manager = new Api(port, TestIdentityProvider.get().token("M001", "MANAGER"));
        JsonNode agentKpis = await().atMost(WAIT).until(() -> manager.get("/api/v1/reports/agents/" + agent
                + "?from=2026-10-01&to=2026-10-31").json().get("kpis"), k -> k.get("contacts").asLong() == 1);
        assertThat(agentKpis.get("answerWithinThreeRingsRate").asDouble()).isEqualTo(1.0);
        JsonNode departmentKpis = await().atMost(WAIT).until(() -> manager.get("/api/v1/reports/departments/"
                + department + "?from=2026-10-01&to=2026-10-31").json().get("kpis"),
                k -> k.get("resolved").asLong() == 1);
        assertThat(departmentKpis.get("casesRouted").asLong()).isEqualTo(1);
        assertThat(departmentKpis.get("averageResolutionHours").asDouble()).isEqualTo(2.0);

        try (TopicReader contacts = new TopicReader(broker.getBrokersAsString(), Topics.CONTACTS);
             TopicReader cases = new TopicReader(broker.getBrokersAsString(), Topics.CASES)) {
            ConsumerRecord<String, byte[]> received = contacts.withKey(contactId, WAIT).get(0);
            ConsumerRecord<String, byte[]> routedRecord = cases.read(r -> caseId.equals(r.key())
                    && EventTypes.CASE_ROUTED.equals(TopicReader.header(r, "ce_type")), 1, WAIT).get(0);
            ContactReceived asEvaluationReadsIt = reader.read(MessageBuilder.withPayload(received.value()).build(),
                    ContactReceived.class).data();
            assertThat(asEvaluationReadsIt.customerName()).isNull();
            assertThat(asEvaluationReadsIt.phone()).isNull();
            assertThat(asEvaluationReadsIt.unit()).isNull();
            assertThat(asEvaluationReadsIt.matter()).isNull();
            assertThat(asEvaluationReadsIt.customerToken()).isEqualTo(token);
            CaseCustomer customer = reader.read(MessageBuilder.withPayload(routedRecord.value()).build(),
                    CaseRouted.class).data().customer();
            assertThat(customer.name()).isNull();
            assertThat(customer.phone()).isNull();
            assertThat(customer.token()).isEqualTo(token);
        }
        try (TopicReader dlq = new TopicReader(broker.getBrokersAsString(), Topics.deadLetter(Topics.CASES))) {
            assertThat(dlq.readToEnd()).noneMatch(r -> caseId.equals(r.key()));
        }

        StringBuilder database = new StringBuilder();
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                database.append(collection).append(": ").append(document.toJson()).append('\n');
            }
        }
        assertThat(database.toString()).contains(contactId, caseId)
                .doesNotContain(NAME, PHONE, UNIT, "阳台渗水", "13600005678", "已上门维修", "sealed:v1:");
    }

    @Test
    void whenAMissedCallArrivesWithItsCallerSealedThenItIsCountedAndTheCallerReadsAsNull() {
        String caller = "13700004321";
        String hotline = "PII-" + UUID.randomUUID().toString().substring(0, 8);
        String callId = "CALL-" + UUID.randomUUID();
        Instant offered = LocalDateTime.parse("2026-10-21T10:05").atZone(SHANGHAI).toInstant();
        String token = TestKeys.customerTokens().of(caller).orElseThrow();
        List<Object> facts = List.of(new CallOffered(callId, hotline, caller, offered).withCallerToken(token),
                new CallRinging(callId, hotline, caller, "A001", offered, offered.plusSeconds(2))
                        .withCallerToken(token),
                new CallAbandoned(callId, hotline, caller, offered, offered.plusSeconds(30), "A001",
                        offered.plusSeconds(2)).withCallerToken(token));
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            facts.forEach(fact -> log.publishSealed(Topics.CALLS, envelope(callId, fact), TestKeys.keyring()));
        }
        Barriers.consumed(broker.getBrokersAsString(), "evaluation-service", Topics.CALLS);

        Api manager = new Api(port, TestIdentityProvider.get().token("M001", "MANAGER"));
        JsonNode total = await().atMost(WAIT).until(() -> manager.get("/api/v1/reports/hotlines?from=2026-10-21"
                + "&to=2026-10-21").json().get("hotlines").valueStream()
                .filter(h -> h.get("hotline").asString().equals(hotline)).findFirst()
                .map(h -> h.get("total")).orElse(null), t -> t != null && t.get("abandoned").asLong() == 1);
        assertThat(total.get("offered").asLong()).isEqualTo(1);

        try (TopicReader calls = new TopicReader(broker.getBrokersAsString(), Topics.CALLS)) {
            List<ConsumerRecord<String, byte[]>> records = calls.read(r -> callId.equals(r.key()), 3, WAIT);
            assertThat(records).hasSize(3).allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                    .doesNotContain(caller));
            assertThat(reader.read(MessageBuilder.withPayload(records.get(0).value()).build(), CallOffered.class)
                    .data().caller()).isNull();
            CallRinging ringing = reader.read(MessageBuilder.withPayload(records.get(1).value()).build(),
                    CallRinging.class).data();
            assertThat(ringing.caller()).isNull();
            assertThat(ringing.agentId()).isEqualTo("A001");
            assertThat(ringing.callerToken()).isEqualTo(token);
            assertThat(reader.read(MessageBuilder.withPayload(records.get(2).value()).build(), CallAbandoned.class)
                    .data().caller()).isNull();
        }
        try (TopicReader dlq = new TopicReader(broker.getBrokersAsString(), Topics.deadLetter(Topics.CALLS))) {
            assertThat(dlq.readToEnd()).noneMatch(r -> callId.equals(r.key()));
        }
    }

    private static <T> EventEnvelope<T> envelope(String key, T event) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), EventTypes.nameOf(event), 1, Instant.now(), key, key,
                event);
    }
}
