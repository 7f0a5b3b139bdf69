package com.caseflow.evaluation.messaging;

import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.cases.CaseAccepted;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.EventLog;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What evaluation cannot process goes to the topic's dead-letter topic with its error, at once (poison is not retried),
 * and the records behind it are counted: on every topic it consumes.
 */
@EvaluationServiceTest
class PoisonRecordTests {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    EmbeddedKafkaBroker broker;
    @LocalServerPort
    int port;

    @Test
    void whenARecordCannotBeProcessedThenItIsDeadLetteredWithItsErrorAndTheNextOneIsCounted() {
        String agent = "P-" + UUID.randomUUID().toString().substring(0, 6);
        String badJson = "bad-" + UUID.randomUUID();
        String tooNew = "new-" + UUID.randomUUID();
        String unknownCase = "case-" + UUID.randomUUID();
        String badCheck = "check-" + UUID.randomUUID();
        String badFeedback = "feedback-" + UUID.randomUUID();
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            log.sendText(Topics.CONTACTS, badJson, "{\"eventId\": 不是JSON");
            log.publish(Topics.CONTACTS, new EventEnvelope<>(UUID.randomUUID().toString(),
                    EventTypes.CONTACT_RECEIVED, 99, Instant.now(), tooNew, tooNew, call(agent)));
            log.publish(Topics.CASES, new EventEnvelope<>(UUID.randomUUID().toString(), EventTypes.CASE_ACCEPTED, 1,
                    Instant.now(), unknownCase, unknownCase,
                    new CaseAccepted(unknownCase, 2, "ENGINEERING", "D-ENG-01", Instant.now())));
            log.sendText(Topics.FOLLOWUPS, badFeedback, "[]");
            log.sendText(Topics.EVALUATIONS, badCheck, "{\"eventId\":\"e\",\"type\":\""
                    + EventTypes.SPOT_CHECK_RECORDED + "\",\"schemaVersion\":1,\"occurredAt\":\"2026-11-02T02:00:00Z\","
                    + "\"key\":\"" + badCheck + "\",\"data\":{\"score\":50}}");
            ContactReceived good = call(agent);
            log.publish(Topics.CONTACTS, new EventEnvelope<>(UUID.randomUUID().toString(),
                    EventTypes.CONTACT_RECEIVED, 1, Instant.now(), good.contactId(), good.contactId(), good));
        }

        Api manager = new Api(port, TestIdentityProvider.get().token("M001", "MANAGER"));
        await().atMost(WAIT).until(() -> manager.get("/api/v1/reports/agents/" + agent
                + "?from=2026-11-01&to=2026-11-30").json().get("counters").get("phoneCalls").asLong() == 1);
        assertDeadLettered(Topics.CONTACTS, List.of(badJson, tooNew));
        assertDeadLettered(Topics.CASES, List.of(unknownCase));
        assertDeadLettered(Topics.FOLLOWUPS, List.of(badFeedback));
        assertDeadLettered(Topics.EVALUATIONS, List.of(badCheck));
    }

    private void assertDeadLettered(String topic, List<String> keys) {
        try (TopicReader dlq = new TopicReader(broker.getBrokersAsString(), Topics.deadLetter(topic))) {
            List<ConsumerRecord<String, byte[]>> dead = dlq.read(r -> keys.contains(r.key()), keys.size(), WAIT);
            assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(keys);
            assertThat(dead).allSatisfy(r -> assertThat(TopicReader.header(r, "x-exception-message"))
                    .as("the error travels with the record").isNotBlank());
        }
    }

    private static ContactReceived call(String agent) {
        String id = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-11-02T02:00:00Z");
        return new ContactReceived(id, Channel.PHONE, agent, at, null, null, 2, true, true, null, null, null, "王小明",
                CallerType.OWNER, "13812345678", null, "SH-LJY", null, "咨询", ContactCategory.INQUIRY, true, true);
    }
}
