package com.caseflow.support.sealing;

import com.caseflow.events.sealing.Keyring;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.call.CallRinging;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.support.consumer.EnvelopeReader;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxClaim;
import com.caseflow.support.outbox.OutboxEntry;
import com.caseflow.support.relaytest.RelayTestService;
import com.caseflow.support.testing.TestInfrastructure;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a real broker holds of a contact and its case once the outbox relayed them: on {@code contacts}, {@code cases}
 * and the department's own topic, the customer's name, number, unit and words are not in the record's bytes, nor the
 * caller's number on {@code calls}; a service holding the key reads them back, one without it reads null.
 */
@SpringBootTest(classes = RelayTestService.class, properties = {
        "spring.application.name=sealing-test",
        "caseflow.security.audience=intake-service",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "caseflow.outbox.collections=" + RelayTestService.COLLECTION,
        "caseflow.outbox.sweep-interval=300ms",
        "caseflow.events.sealing.current=k2026",
        "caseflow.events.sealing.keys.k2026=" + SealedEventsKafkaTests.KEY})
@ContextConfiguration(initializers = TestInfrastructure.class)
@EmbeddedKafka(partitions = 1, topics = {"contacts", "cases", "cases.dept.engineering", "calls"})
class SealedEventsKafkaTests {

    static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final Duration WAIT = Duration.ofSeconds(90);

    /** A document with an outbox, as a service's store writes it. */
    record Thing(String id, List<OutboxEntry> outbox, OutboxClaim outboxClaim) {
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    Outbox outbox;
    @Autowired
    Keyring keyring;
    @Autowired
    JsonMapper json;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void whenAContactAndItsCaseAreRelayedThenTheBytesOnEveryTopicHoldNoNameNumberUnitOrMatter() {
        // read as a consuming service with the key reads them (this test service has no consumers of its own)
        EnvelopeReader reader = new EnvelopeReader(json, keyring);
        ContactReceived contact = SealedFieldsTests.contact();
        CaseRouted routed = SealedFieldsTests.routed();
        String contactKey = write(List.of("contacts"), EventTypes.CONTACT_RECEIVED, contact);
        String caseKey = write(List.of("cases", "cases.dept.engineering"), EventTypes.CASE_ROUTED, routed);

        for (String[] topicAndKey : new String[][]{{"contacts", contactKey}, {"cases", caseKey},
                {"cases.dept.engineering", caseKey}}) {
            try (TopicReader topic = new TopicReader(broker.getBrokersAsString(), topicAndKey[0])) {
                ConsumerRecord<String, byte[]> record = topic.withKey(topicAndKey[1], WAIT).get(0);
                String bytes = new String(record.value(), StandardCharsets.UTF_8);
                assertThat(bytes).as(topicAndKey[0]).contains("sealed:v1:k2026:")
                        .doesNotContain(SealedFieldsTests.NAME, SealedFieldsTests.PHONE, SealedFieldsTests.UNIT,
                                "卫生间漏水", "13800001111");
                if (topicAndKey[0].equals("contacts")) {
                    assertThat(reader.read(MessageBuilder.withPayload(record.value()).build(), ContactReceived.class)
                            .data()).isEqualTo(contact);
                    assertThat(new EnvelopeReader(json).read(MessageBuilder.withPayload(record.value()).build(),
                            ContactReceived.class).data().phone()).isNull();
                } else {
                    CaseRouted read = reader.read(MessageBuilder.withPayload(record.value()).build(),
                            CaseRouted.class).data();
                    assertThat(read.customer().phone()).isEqualTo(SealedFieldsTests.PHONE);
                    assertThat(read.customer().name()).isEqualTo(SealedFieldsTests.NAME);
                    assertThat(read.matter()).isEqualTo(SealedFieldsTests.MATTER);
                }
            }
        }
        // the outbox entry in the store is sealed too: it is the very payload the relay sends
        assertThat(mongo.findAll(org.bson.Document.class, RelayTestService.COLLECTION).toString())
                .doesNotContain(SealedFieldsTests.PHONE, SealedFieldsTests.NAME);
    }

    @Test
    void whenACallRingsThenTheBytesOnCallsHoldNoCallersNumber() {
        CallRinging ringing = new CallRinging("CALL-SEALED-1", "400-820-8820", "13912345678", "A101",
                Instant.parse("2026-12-05T02:00:00Z"), Instant.parse("2026-12-05T02:00:02Z"));
        String key = write(List.of("calls"), EventTypes.CALL_RINGING, ringing);

        try (TopicReader topic = new TopicReader(broker.getBrokersAsString(), "calls")) {
            ConsumerRecord<String, byte[]> record = topic.withKey(key, WAIT).get(0);
            String bytes = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(bytes).contains("\"caller\":\"sealed:v1:k2026:", "CALL-SEALED-1", "A101")
                    .doesNotContain("13912345678");
            // follow-up and the console (key holders) read the number; evaluation (no key) reads null
            assertThat(new EnvelopeReader(json, keyring).read(MessageBuilder.withPayload(record.value()).build(),
                    CallRinging.class).data()).isEqualTo(ringing);
            CallRinging withoutKey = new EnvelopeReader(json).read(MessageBuilder.withPayload(record.value())
                    .build(), CallRinging.class).data();
            assertThat(withoutKey.caller()).isNull();
            assertThat(withoutKey.agentId()).isEqualTo("A101");
        }
        assertThat(mongo.findAll(org.bson.Document.class, RelayTestService.COLLECTION).toString())
                .doesNotContain("13912345678");
    }

    private String write(List<String> topics, String type, Object data) {
        String id = UUID.randomUUID().toString();
        OutboxEntry entry = outbox.entry(topics, new EventEnvelope<>(UUID.randomUUID().toString(), type, 1,
                Instant.now(), id, id, data));
        mongo.insert(new Thing(id, List.of(entry), outbox.claim()), RelayTestService.COLLECTION);
        outbox.inserted(RelayTestService.COLLECTION, id, List.of(entry));
        return id;
    }
}
