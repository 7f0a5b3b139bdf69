package com.caseflow.evaluation.spotchecks.web;

import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.Topics;
import com.caseflow.events.call.CallEnded;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.contact.TimingSource;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.EventLog;
import com.caseflow.support.testing.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Collectors;

import static com.caseflow.evaluation.support.TestEvents.SHANGHAI;
import static com.caseflow.evaluation.support.TestEvents.envelope;
import static com.caseflow.evaluation.support.TestEvents.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Contacts settled on the spot are a stratum of their own in samples, and a sampled call shows its recording to the
 * reviewer — from the contact itself, or from its call's {@code CallEnded}, whichever came first.
 */
@EvaluationServiceTest
class SettledAndRecordedSampleTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    EmbeddedKafkaBroker broker;
    @LocalServerPort
    int port;

    private static EventEnvelope<ContactReceived> contact(String id, String agent, Channel channel, boolean settled,
                                                          String callId, String recordingUrl) {
        Instant at = LocalDateTime.parse("2026-11-18T10:00").atZone(SHANGHAI).toInstant();
        boolean phone = channel == Channel.PHONE;
        return envelope(id, new ContactReceived(id, channel, agent, at, phone ? at.minusSeconds(6) : null,
                phone ? at.minusSeconds(2) : null, phone ? 1 : null, phone ? true : null, true,
                phone ? null : at.minusSeconds(60), phone ? null : at, null, "王小明", CallerType.OWNER, "13812345678",
                null, "SH-LJY", "3栋", "咨询交房时间", ContactCategory.INQUIRY, settled, true, callId,
                phone ? (callId == null ? TimingSource.SELF_REPORTED : TimingSource.MEASURED) : null, recordingUrl));
    }

    @Test
    void whenSettledContactsAndRecordedCallsAreDrawnThenSettledIsTheirStratumAndEachCallShowsItsRecording() {
        String agent = unique("A");
        String settledCall = unique("c");
        String settledVisit = unique("c");
        String ordinary = unique("c");
        String endedFirst = unique("c");
        String callA = unique("CALL");
        String callB = unique("CALL");
        String recordingA = "https://rec.example.com/" + callA + ".mp3";
        String recordingB = "https://rec.example.com/" + callB + ".mp3";
        String ownRecording = "https://rec.example.com/own-" + ordinary + ".mp3";
        Instant t = Instant.parse("2026-11-18T02:00:00Z");
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            // B's recording arrives before the contact recorded from B; A's after the contact recorded from A
            log.publish(Topics.CALLS, envelope(callB, new CallEnded(callB, "400", agent, t, t, t.plusSeconds(90),
                    recordingB)));
            Barriers.consumed(broker.getBrokersAsString(), "evaluation-service", Topics.CALLS);
            log.publish(Topics.CONTACTS, contact(settledCall, agent, Channel.PHONE, true, callA, null));
            log.publish(Topics.CONTACTS, contact(settledVisit, agent, Channel.VISIT, true, null, null));
            log.publish(Topics.CONTACTS, contact(ordinary, agent, Channel.PHONE, false, null, ownRecording));
            log.publish(Topics.CONTACTS, contact(endedFirst, agent, Channel.PHONE, false, callB, null));
            Barriers.consumed(broker.getBrokersAsString(), "evaluation-service", Topics.CONTACTS);
            log.publish(Topics.CALLS, envelope(callA, new CallEnded(callA, "400", agent, t, t, t.plusSeconds(90),
                    recordingA)));
        }

        Api manager = new Api(port, IDP.token("M001", "MANAGER"));
        String draw = """
                {"from":"2026-11-18","to":"2026-11-18","perAgent":10,"agentIds":["%s"]}""".formatted(agent);
        Api.Response drawn = manager.post("/api/v1/spot-checks/samples", draw);
        assertThat(drawn.status()).isEqualTo(201);
        JsonNode sample = drawn.json();
        assertThat(sample.get("items").size()).isEqualTo(4);
        assertThat(strata(sample)).containsEntry(settledCall, "SETTLED").containsEntry(settledVisit, "SETTLED")
                .containsEntry(ordinary, "ORDINARY").containsEntry(endedFirst, "ORDINARY");
        assertThat(sample.get("strata").get("population").get("SETTLED").asInt()).isEqualTo(2);
        assertThat(sample.get("strata").get("order").valueStream().map(JsonNode::asString)).contains("SETTLED");

        // A's recording may still be on its way: the sample, read again, shows it once it is there
        JsonNode read = await().atMost(WAIT).until(
                () -> manager.get("/api/v1/spot-checks/samples/" + sample.get("id").asString()).json(),
                s -> recordings(s).containsKey(settledCall));
        Map<String, String> recordings = recordings(read);
        assertThat(recordings).containsEntry(settledCall, recordingA).containsEntry(ordinary, ownRecording)
                .containsEntry(endedFirst, recordingB).doesNotContainKey(settledVisit);

        Api agentItself = new Api(port, IDP.token(agent, "AGENT"));
        assertThat(agentItself.get("/api/v1/spot-checks/samples/" + sample.get("id").asString()).status())
                .as("agents never see samples, nor the recordings in them").isEqualTo(403);
    }

    private static Map<String, String> strata(JsonNode sample) {
        return sample.get("items").valueStream().collect(Collectors.toMap(i -> i.get("contactId").asString(),
                i -> i.get("stratum").asString()));
    }

    private static Map<String, String> recordings(JsonNode sample) {
        return sample.get("items").valueStream().filter(i -> i.hasNonNull("recordingUrl"))
                .collect(Collectors.toMap(i -> i.get("contactId").asString(), i -> i.get("recordingUrl").asString()));
    }
}
