package com.caseflow.evaluation.messaging;

import com.caseflow.evaluation.spotchecks.persistence.SpotCheckStore;
import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.evaluation.SpotCheckRecorded;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.EventLog;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events are not trusted blindly: content that breaks the contracts' constraints, and spot-checks evaluation never
 * stored, are dead-lettered with an error naming what is wrong, and the records behind them are counted.
 */
@EvaluationServiceTest
class UntrustedEventTests {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Instant AT = Instant.parse("2026-11-02T02:00:00Z");

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    SpotCheckStore store;
    @Autowired
    Outbox outbox;
    @LocalServerPort
    int port;

    @Test
    void whenAContactHasAnUnknownEnumerationAnOverlongTextOrANumberOutOfRangeThenItIsDeadLetteredAndTheNextCounted() {
        String agent = "U-" + UUID.randomUUID().toString().substring(0, 6);
        // one key for all: one partition, so the good contact is read after the bad ones
        String key = "untrusted-" + UUID.randomUUID();
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            log.sendText(Topics.CONTACTS, key, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\""
                    + EventTypes.CONTACT_RECEIVED + "\",\"schemaVersion\":1,\"occurredAt\":\"2026-11-02T02:00:00Z\","
                    + "\"key\":\"" + key + "\",\"data\":{\"contactId\":\"" + key + "\",\"channel\":\"FAX\","
                    + "\"agentId\":\"" + agent + "\",\"receivedAt\":\"2026-11-02T02:00:00Z\"}}");
            log.publish(Topics.CONTACTS, envelope(key, call(key, agent, "楼上漏水".repeat(600), 2)));
            log.publish(Topics.CONTACTS, envelope(key, call(key, agent, "咨询", 999)));
            log.publish(Topics.CONTACTS, envelope(key, call(key, agent, "咨询", 2)));
        }

        Api manager = new Api(port, TestIdentityProvider.get().token("M001", "MANAGER"));
        await().atMost(WAIT).until(() -> manager.get("/api/v1/reports/agents/" + agent
                + "?from=2026-11-01&to=2026-11-30").json().get("counters").get("phoneCalls").asLong() == 1);
        try (TopicReader dlq = new TopicReader(broker.getBrokersAsString(), Topics.deadLetter(Topics.CONTACTS))) {
            List<String> errors = dlq.read(r -> key.equals(r.key()), 3, WAIT).stream()
                    .map(r -> TopicReader.header(r, "x-exception-message")).toList();
            assertThat(errors).hasSize(3);
            assertThat(errors).anySatisfy(e -> assertThat(e).contains("data.channel"))
                    .anySatisfy(e -> assertThat(e).contains("data.matter: size must be between 0 and 2000"))
                    .anySatisfy(e -> assertThat(e).contains("data.ringCount: must be less than or equal to 60"))
                    .allSatisfy(e -> assertThat(e).doesNotContain("楼上漏水").doesNotContain("FAX"));
        }
    }

    @Test
    void whenASpotCheckEvaluationNeverStoredOrATamperedCopyArrivesThenItIsDeadLetteredAndNotCounted() {
        String agent = "SC-" + UUID.randomUUID().toString().substring(0, 6);
        SpotCheckRecorded genuine = check(agent, 60);
        EventEnvelope<SpotCheckRecorded> published = envelope(agent, genuine);
        store.insert(genuine, outbox.entry(Topics.EVALUATIONS, published));
        SpotCheckRecorded forged = check(agent, 100);
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            log.publish(Topics.EVALUATIONS, envelope(agent, forged));
            log.publish(Topics.EVALUATIONS, envelope(agent, new SpotCheckRecorded(genuine.spotCheckId(),
                    genuine.sampleId(), genuine.stratum(), genuine.contactId(), null, agent, genuine.contactDay(),
                    genuine.scorecardVersion(), Map.of("GREETING", 5), 5, List.of(), 100, null, "S001", AT)));
        }

        try (TopicReader dlq = new TopicReader(broker.getBrokersAsString(),
                Topics.deadLetter(Topics.EVALUATIONS))) {
            List<ConsumerRecord<String, byte[]>> dead = dlq.read(r -> agent.equals(r.key()), 2, WAIT);
            assertThat(dead).extracting(r -> TopicReader.header(r, "x-exception-message"))
                    .anySatisfy(e -> assertThat(e).contains(forged.spotCheckId()
                            + " is not a check stored by evaluation"))
                    .anySatisfy(e -> assertThat(e).contains(genuine.spotCheckId()
                            + " differs from the check stored under its id in score"));
        }
        Api manager = new Api(port, TestIdentityProvider.get().token("M001", "MANAGER"));
        JsonNode kpis = await().atMost(WAIT).until(() -> manager.get("/api/v1/reports/agents/" + agent
                + "?from=2026-11-01&to=2026-11-30").json().get("kpis"), k -> k.get("spotChecks").asLong() >= 1);
        assertThat(kpis.get("spotChecks").asLong()).isEqualTo(1);
        assertThat(kpis.get("adHocSpotCheckAverage").asDouble()).as("the stored score").isEqualTo(60.0);
    }

    private static SpotCheckRecorded check(String agent, double score) {
        String contactId = UUID.randomUUID().toString();
        return new SpotCheckRecorded("check." + contactId, null, null, contactId, null, agent,
                LocalDate.of(2026, 11, 2), "2026-1", Map.of("GREETING", 3), 5, List.of(), score, null, "S001", AT);
    }

    private static <T> EventEnvelope<T> envelope(String key, T event) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), EventTypes.nameOf(event), 1, AT, key, key, event);
    }

    private static ContactReceived call(String id, String agent, String matter, int rings) {
        return new ContactReceived(id, Channel.PHONE, agent, AT, null, null, rings, true, true, null, null, null,
                "王小明", CallerType.OWNER, "13812345678", null, "SH-LJY", null, matter, ContactCategory.INQUIRY,
                true, true);
    }
}
