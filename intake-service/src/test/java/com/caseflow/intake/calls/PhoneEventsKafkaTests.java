package com.caseflow.intake.calls;

import com.caseflow.events.CloudEventHeaders;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.intake.calls.persistence.CallDocument;
import com.caseflow.intake.support.Fixtures;
import com.caseflow.support.outbox.OutboxProperties;
import com.caseflow.support.security.Roles;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TestInfrastructure;
import com.caseflow.support.testing.TestKeys;
import com.caseflow.support.testing.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The phone platform's signed call events, end to end on a real Kafka broker: HTTP in, one call, facts on calls. */
@ContextConfiguration(initializers = TestInfrastructure.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = Topics.LOCAL_PARTITIONS, topics = {Topics.CONTACTS, Topics.CALLS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PhoneEventsKafkaTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final String RECORDING = "https://recordings.example.cn/2026/12/05/rec-1.mp3";

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxProperties outbox;
    @Autowired
    MeterRegistry meters;

    PhonePlatform platform;
    TopicReader calls;
    TopicReader contacts;
    Instant t0;

    @BeforeEach
    void connect() {
        platform = new PhonePlatform(port);
        calls = new TopicReader(broker.getBrokersAsString(), Topics.CALLS);
        contacts = new TopicReader(broker.getBrokersAsString(), Topics.CONTACTS);
        t0 = Instant.now().minus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void disconnect() {
        calls.close();
        contacts.close();
    }

    @Test
    void whenAnAnsweredCallIsSignedThenItsFactsArePublishedOnceInOrderKeyedByCallId() {
        String callId = newCallId();

        List<Integer> statuses = List.of(
                platform.send(PhonePlatform.event("QUEUED", callId, null, t0)).status(),
                platform.send(PhonePlatform.event("RINGING", callId, "A001", t0.plusSeconds(2))).status(),
                platform.send(PhonePlatform.event("ANSWERED", callId, "A001", t0.plusSeconds(9))).status(),
                platform.send(PhonePlatform.event(UUID.randomUUID().toString(), "ENDED", callId, "A001", null,
                        t0.plusSeconds(150), RECORDING)).status());

        assertThat(statuses).containsOnly(202);
        List<ConsumerRecord<String, byte[]>> facts = factsOf(callId);
        assertThat(facts).extracting(r -> TopicReader.header(r, CloudEventHeaders.TYPE)).containsExactly(
                EventTypes.CALL_OFFERED, EventTypes.CALL_RINGING, EventTypes.CALL_ANSWERED, EventTypes.CALL_ENDED);
        JsonNode offered = data(facts.get(0));
        assertThat(offered.get("hotline").asString()).isEqualTo("400-820-8820");
        // the caller's number travels sealed: only a key holder (follow-up, the console) reads it
        assertThat(new String(facts.get(0).value(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("13812345678");
        assertThat(caller(offered)).isEqualTo("13812345678");
        // and its customer token in the clear, the same intake gives the contact of that number
        assertThat(offered.get("callerToken").asString())
                .isEqualTo(TestKeys.customerTokens().of("13812345678").orElseThrow());
        assertThat(offered.get("offeredAt").asString()).isEqualTo(t0.toString());
        JsonNode answered = data(facts.get(2));
        assertThat(answered.get("agentId").asString()).isEqualTo("A001");
        assertThat(answered.get("ringStartedAt").asString()).isEqualTo(t0.plusSeconds(2).toString());
        assertThat(answered.get("answeredAt").asString()).isEqualTo(t0.plusSeconds(9).toString());
        JsonNode ended = data(facts.get(3));
        assertThat(ended.get("recordingUrl").asString()).isEqualTo(RECORDING);
        assertThat(ended.get("answeredAt").asString()).isEqualTo(t0.plusSeconds(9).toString());
        assertThat(JSON.readTree(facts.get(0).value()).get("key").asString()).isEqualTo(callId);
    }

    @Test
    void whenAnEventIdComesAgainWithAFreshSignatureThen200DuplicateAndNoSecondFact() {
        String callId = newCallId();
        String ringing = PhonePlatform.event("e-" + callId, "RINGING", callId, "A001", null, t0, null);

        Api.Response first = platform.send(ringing);
        Api.Response retry = platform.sendSigned(ringing, Instant.now().getEpochSecond() + 1, PhonePlatform.SECRET);
        // the marker: a later fact of the same call, on the same partition, behind anything the retry could add
        platform.send(PhonePlatform.event("ENDED", callId, null, t0.plusSeconds(30)));

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.json().get("duplicate").asBoolean()).isFalse();
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("duplicate").asBoolean()).isTrue();
        assertThat(retry.json().get("callId").asString()).isEqualTo(callId);
        List<String> types = calls.readUntil(r -> callId.equals(r.key())
                        && EventTypes.CALL_ENDED.equals(TopicReader.header(r, CloudEventHeaders.TYPE)),
                Duration.ofSeconds(90)).stream().filter(r -> callId.equals(r.key()))
                .map(r -> TopicReader.header(r, CloudEventHeaders.TYPE)).toList();
        assertThat(types).containsExactly(EventTypes.CALL_OFFERED, EventTypes.CALL_RINGING,
                EventTypes.CALL_ABANDONED, EventTypes.CALL_ENDED);
        assertThat(meters.get("caseflow.phone.events").tags("type", "RINGING", "outcome", "duplicate").counter()
                .count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void whenARequestIsForgedStaleUnsignedMalformedOrReplayedThen401AndNothingIsStored() {
        String callId = newCallId();
        String body = PhonePlatform.event("QUEUED", callId, null, t0);
        long now = Instant.now().getEpochSecond();

        Api.Response forged = platform.sendSigned(body, now, "not-the-secret");
        Api.Response stale = platform.sendSigned(body, now - 600, PhonePlatform.SECRET);
        Api.Response unsigned = platform.sendWith(body);
        Api.Response malformed = platform.sendWith(body, "X-CaseFlow-Timestamp", "yesterday",
                "X-CaseFlow-Signature", "sha256=zz");
        Api.Response tampered = platform.sendWith(body.replace("QUEUED", "ABANDONED"),
                "X-CaseFlow-Timestamp", String.valueOf(now), "X-CaseFlow-Signature",
                com.caseflow.events.webhook.WebhookSignature.sign(PhonePlatform.SECRET, now,
                        body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        for (Api.Response refused : List.of(forged, stale, unsigned, malformed, tampered)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.header("WWW-Authenticate")).startsWith("HMAC-SHA256");
        }
        assertThat(List.of(forged, stale, unsigned, malformed)).extracting(r -> r.json().get("type").asString())
                .containsExactly("urn:caseflow:problem:signature-forged", "urn:caseflow:problem:signature-stale",
                        "urn:caseflow:problem:signature-unsigned", "urn:caseflow:problem:signature-malformed");
        assertThat(mongo.findById(callId, CallDocument.class)).isNull();
        assertThat(meters.get("caseflow.phone.events").tags("outcome", "refused", "reason", "forged").counter()
                .count()).isGreaterThanOrEqualTo(2);
        assertThat(meters.get("caseflow.phone.events").tags("outcome", "refused", "reason", "stale").counter()
                .count()).isGreaterThanOrEqualTo(1);

        Api.Response taken = platform.sendSigned(body, now, PhonePlatform.SECRET);
        Api.Response replayed = platform.sendSigned(body, now, PhonePlatform.SECRET);

        assertThat(taken.status()).isEqualTo(202);
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.json().get("type").asString()).isEqualTo("urn:caseflow:problem:signature-replayed");
        assertThat(meters.get("caseflow.phone.events").tags("outcome", "refused", "reason", "replayed").counter()
                .count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("caseflow.phone.events").tags("type", "QUEUED", "outcome", "accepted").counter()
                .count()).isGreaterThanOrEqualTo(1);
        CallDocument stored = mongo.findById(callId, CallDocument.class);
        assertThat(stored.version()).isZero();
        assertThat(stored.eventIds()).hasSize(1);
    }

    @Test
    void whenAnEventHasBadFieldsThen400NamesEachAndNothingIsStoredOrPublished() {
        String callId = newCallId();
        Barriers.outboxEmpty(mongo, outbox.collections());
        long published = calls.endOffsetSum(Topics.CALLS);
        String bad = PhonePlatform.event("e-bad", "RINGING", callId, null, null, t0, "javascript:alert(1)")
                .replace("138 1234 5678", "12345")
                .replace(t0.toString(), "gestern");

        Api.Response response = platform.send(bad);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("caller", "agentId", "occurredAt", "recordingUrl");
        assertThat(response.raw().body()).doesNotContain("12345\"");
        Api.Response unknownType = platform.send(PhonePlatform.event("HELD", callId, "A001", t0));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.json().get("errors").get(0).get("field").asString()).isEqualTo("type");
        Api.Response unknownField = platform.send(PhonePlatform.event("QUEUED", callId, null, t0)
                .replace("{", "{\"queue\":\"vip\","));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("errors").get(0).get("field").asString()).isEqualTo("queue");
        assertThat(mongo.findById(callId, CallDocument.class)).isNull();
        Barriers.outboxEmpty(mongo, outbox.collections());
        assertThat(calls.endOffsetSum(Topics.CALLS)).isEqualTo(published);
    }

    @Test
    void whenEventsArriveOutOfOrderThenTheCallDoesNotGoBackAndIsNotTakenForMissed() {
        String callId = newCallId();

        platform.send(PhonePlatform.event("ENDED", callId, "A002", t0.plusSeconds(120)));
        platform.send(PhonePlatform.event("ANSWERED", callId, "A002", t0.plusSeconds(8)));
        platform.send(PhonePlatform.event("RINGING", callId, "A002", t0.plusSeconds(3)));
        platform.send(PhonePlatform.event("QUEUED", callId, null, t0));

        List<String> types = factsOf(callId).stream().map(r -> TopicReader.header(r, CloudEventHeaders.TYPE))
                .toList();
        assertThat(types).containsExactly(EventTypes.CALL_OFFERED, EventTypes.CALL_ENDED, EventTypes.CALL_ANSWERED,
                EventTypes.CALL_RINGING);
        Api.Response call = new Api(port, IDP.token("A002", Roles.AGENT)).get("/api/v1/phone/calls/" + callId);
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.json().get("state").asString()).isEqualTo("ENDED");
        assertThat(call.json().get("agentId").asString()).isEqualTo("A002");
        assertThat(java.time.OffsetDateTime.parse(call.json().get("ringStartedAt").asString()).toInstant())
                .isEqualTo(t0.plusSeconds(3));
        assertThat(java.time.OffsetDateTime.parse(call.json().get("answeredAt").asString()).toInstant())
                .isEqualTo(t0.plusSeconds(8));
    }

    @Test
    void whenACallIsAbandonedThenExactlyOneCallAbandonedWhateverTheEndEventsSay() {
        String abandoned = newCallId();
        String endedUnanswered = newCallId();

        platform.send(PhonePlatform.event("QUEUED", abandoned, null, t0));
        platform.send(PhonePlatform.event("RINGING", abandoned, "A003", t0.plusSeconds(1)));
        platform.send(PhonePlatform.event("ABANDONED", abandoned, null, t0.plusSeconds(20)));
        platform.send(PhonePlatform.event("ABANDONED", abandoned, null, t0.plusSeconds(21)));
        platform.send(PhonePlatform.event("ENDED", abandoned, null, t0.plusSeconds(21)));
        platform.send(PhonePlatform.event("QUEUED", endedUnanswered, null, t0));
        platform.send(PhonePlatform.event("ENDED", endedUnanswered, null, t0.plusSeconds(40)));

        List<ConsumerRecord<String, byte[]>> facts = factsOf(abandoned);
        assertThat(facts).extracting(r -> TopicReader.header(r, CloudEventHeaders.TYPE)).containsExactly(
                EventTypes.CALL_OFFERED, EventTypes.CALL_RINGING, EventTypes.CALL_ABANDONED, EventTypes.CALL_ENDED);
        JsonNode missed = data(facts.get(2));
        assertThat(missed.get("lastAgentId").asString()).isEqualTo("A003");
        assertThat(missed.get("ringStartedAt").asString()).isEqualTo(t0.plusSeconds(1).toString());
        assertThat(missed.get("abandonedAt").asString()).isEqualTo(t0.plusSeconds(20).toString());
        assertThat(caller(missed)).isEqualTo("13812345678");
        assertThat(missed.get("callerToken").asString())
                .isEqualTo(TestKeys.customerTokens().of("13812345678").orElseThrow());
        assertThat(factsOf(endedUnanswered)).extracting(r -> TopicReader.header(r, CloudEventHeaders.TYPE))
                .containsExactly(EventTypes.CALL_OFFERED, EventTypes.CALL_ABANDONED, EventTypes.CALL_ENDED);
        Api.Response call = new Api(port, IDP.token("S001", Roles.SUPERVISOR)).get("/api/v1/phone/calls/" + abandoned);
        assertThat(call.json().get("state").asString()).isEqualTo("ABANDONED");
    }

    @Test
    void whenAContactNamesACallThatRangAndWasAnsweredAtTheAgentThenItsTimesAreMeasured() {
        String callId = newCallId();
        Instant ring = Instant.now().minusSeconds(100).truncatedTo(ChronoUnit.SECONDS);
        platform.send(PhonePlatform.event("RINGING", callId, "A001", ring));
        platform.send(PhonePlatform.event("ANSWERED", callId, "A001", ring.plusSeconds(16)));
        Api agent = new Api(port, IDP.token("A001", Roles.AGENT));

        Api.Response recorded = agent.post("/api/v1/calls", withCallId(Fixtures.LEAK_CALL, callId));

        assertThat(recorded.status()).isEqualTo(201);
        JsonNode view = recorded.json().get("call");
        assertThat(view.get("timing").asString()).isEqualTo("MEASURED");
        assertThat(view.get("callId").asString()).isEqualTo(callId);
        assertThat(view.get("ringCount").asInt()).isEqualTo(4);
        assertThat(view.get("answeredWithinThreeRings").asBoolean()).isFalse();
        String contactId = recorded.json().get("id").asString();
        JsonNode received = JSON.readTree(contacts.withKey(contactId, Duration.ofSeconds(90)).get(0).value())
                .get("data");
        assertThat(received.get("timing").asString()).isEqualTo("MEASURED");
        assertThat(received.get("callId").asString()).isEqualTo(callId);
        assertThat(received.get("ringStartedAt").asString()).isEqualTo(ring.toString());
        assertThat(received.get("answeredAt").asString()).isEqualTo(ring.plusSeconds(16).toString());
        assertThat(received.has("recordingUrl")).isFalse();

        platform.send(PhonePlatform.event(UUID.randomUUID().toString(), "ENDED", callId, "A001", null,
                ring.plusSeconds(90), RECORDING));
        JsonNode asSupervisor = new Api(port, IDP.token("S001", Roles.SUPERVISOR))
                .get("/api/v1/contacts/" + contactId).json().get("call");
        JsonNode asAgent = agent.get("/api/v1/contacts/" + contactId).json().get("call");
        assertThat(asSupervisor.get("recordingUrl").asString()).isEqualTo(RECORDING);
        assertThat(asSupervisor.get("timing").asString()).isEqualTo("MEASURED");
        assertThat(asAgent.has("recordingUrl")).isFalse();
        assertThat(asAgent.get("callId").asString()).isEqualTo(callId);
    }

    @Test
    void whenAContactNamesAnUnknownCallOrAnotherAgentsCallThenTheTypedTimesCountAsSelfReported() {
        String othersCall = newCallId();
        platform.send(PhonePlatform.event("RINGING", othersCall, "A009", t0));
        platform.send(PhonePlatform.event("ANSWERED", othersCall, "A009", t0.plusSeconds(2)));
        Api agent = new Api(port, IDP.token("A001", Roles.AGENT));

        Api.Response unknown = agent.post("/api/v1/calls", withCallId(Fixtures.LEAK_CALL, "no-such-call"));
        Api.Response notTheirs = agent.post("/api/v1/calls", withCallId(Fixtures.LEAK_CALL, othersCall));

        for (Api.Response response : List.of(unknown, notTheirs)) {
            assertThat(response.status()).isEqualTo(201);
            JsonNode call = response.json().get("call");
            assertThat(call.get("timing").asString()).isEqualTo("SELF_REPORTED");
            assertThat(call.get("ringStartedAt").asString()).isEqualTo(Fixtures.at("09:15:02"));
            assertThat(call.get("ringCount").asInt()).isEqualTo(2);
        }
    }

    @Test
    void whenAComplaintOrADangerIsRecordedAsSettledThen400NamesTheFieldAndNothingIsPublished() {
        Api agent = new Api(port, IDP.token("A001", Roles.AGENT));
        Barriers.outboxEmpty(mongo, outbox.collections());
        long published = contacts.endOffsetSum(Topics.CONTACTS);

        Api.Response complaint = agent.post("/api/v1/calls", Fixtures.LEAK_CALL
                .replace("\"REPAIR\"", "\"COMPLAINT\"").replace("\"settledOnCall\":false", "\"settledOnCall\":true"));
        Api.Response danger = agent.post("/api/v1/calls", Fixtures.call("钱进", "13900002222", "楼道配电箱漏电，已告知物业")
                .replace("\"settledOnCall\":false", "\"settledOnCall\":true"));

        for (Api.Response refused : List.of(complaint, danger)) {
            assertThat(refused.status()).isEqualTo(400);
            JsonNode error = refused.json().get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("settledOnCall");
            assertThat(error.get("message").asString()).contains("当场办结");
        }
        Barriers.outboxEmpty(mongo, outbox.collections());
        assertThat(contacts.endOffsetSum(Topics.CONTACTS)).isEqualTo(published);
    }

    @Test
    void whenStaffReadACallThenOnlyItsAgentsAndSupervisorsSeeItAndOnlySupervisorsTheRecording() {
        String callId = newCallId();
        platform.send(PhonePlatform.event("RINGING", callId, "A004", t0));
        platform.send(PhonePlatform.event("ANSWERED", callId, "A004", t0.plusSeconds(4)));
        platform.send(PhonePlatform.event(UUID.randomUUID().toString(), "TRANSFERRED", callId, "A004", "A005",
                t0.plusSeconds(60), null));
        platform.send(PhonePlatform.event(UUID.randomUUID().toString(), "ENDED", callId, "A005", null,
                t0.plusSeconds(100), RECORDING));
        String path = "/api/v1/phone/calls/" + callId;

        Api.Response answerer = new Api(port, IDP.token("A004", Roles.AGENT)).get(path);
        Api.Response transferee = new Api(port, IDP.token("A005", Roles.AGENT)).get(path);
        Api.Response stranger = new Api(port, IDP.token("A006", Roles.AGENT)).get(path);
        Api.Response missing = new Api(port, IDP.token("A004", Roles.AGENT)).get("/api/v1/phone/calls/no-such");
        Api.Response supervisor = new Api(port, IDP.token("S001", Roles.SUPERVISOR)).get(path);
        Api.Response manager = new Api(port, IDP.token("M001", Roles.MANAGER)).get(path);
        Api.Response admin = new Api(port, IDP.token("ADMIN01", Roles.ADMIN)).get(path);
        Api.Response department = new Api(port, IDP.token("D001", Roles.DEPARTMENT_STAFF)).get(path);
        Api.Response anonymous = new Api(port, null).get(path);

        assertThat(answerer.status()).isEqualTo(200);
        assertThat(answerer.json().get("caller").asString()).isEqualTo("13812345678");
        assertThat(answerer.json().has("recordingUrl")).isFalse();
        assertThat(transferee.status()).isEqualTo(200);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.raw().body()).isEqualTo(missing.raw().body().replace("no-such", callId));
        for (Api.Response privileged : List.of(supervisor, manager, admin)) {
            assertThat(privileged.status()).isEqualTo(200);
            assertThat(privileged.json().get("recordingUrl").asString()).isEqualTo(RECORDING);
            assertThat(privileged.json().get("state").asString()).isEqualTo("ENDED");
            assertThat(privileged.json().get("agentId").asString()).isEqualTo("A005");
        }
        assertThat(supervisor.json().get("caller").asString()).isEqualTo("138****5678");
        assertThat(department.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void whenEventsOfOneNewCallArriveAtOnceThenItIsOfferedOnceAndEveryEventIsApplied() throws Exception {
        String callId = newCallId();
        List<String> bodies = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            bodies.add(PhonePlatform.event("RINGING", callId, "A0" + (10 + i), t0.plusSeconds(i)));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Api.Response>> sent = new java.util.ArrayList<>();
            for (String body : bodies) {
                sent.add(pool.submit(() -> platform.send(body)));
            }
            for (java.util.concurrent.Future<Api.Response> response : sent) {
                assertThat(response.get(120, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(202);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> types = factsOf(callId).stream().map(r -> TopicReader.header(r, CloudEventHeaders.TYPE))
                .toList();
        assertThat(types).filteredOn(EventTypes.CALL_OFFERED::equals).hasSize(1);
        assertThat(types).filteredOn(EventTypes.CALL_RINGING::equals).hasSize(8);
        assertThat(mongo.findById(callId, CallDocument.class).eventIds()).hasSize(8);
    }

    @Test
    void whenTheEventApiIsFedTheHostileSetSignedThenEachIsRefusedByNameAndNothingIsStoredOrPublished() {
        String valid = PhonePlatform.event("e-hostile", "TRANSFERRED", "C-hostile", "A001", "A002", t0,
                "https://recordings.example.cn/r.mp3");
        Barriers.outboxEmpty(mongo, outbox.collections());
        long stored = mongo.count(new Query(), CallDocument.class);
        long published = calls.endOffsetSum(Topics.CALLS);
        List<com.caseflow.support.testing.HostileInput.Case> cases = new java.util.ArrayList<>(
                com.caseflow.support.testing.HostileInput.fieldCases(valid));
        cases.addAll(com.caseflow.support.testing.HostileInput.bodyCases(valid, 64 * 1024));

        List<String> wrong = new java.util.ArrayList<>();
        for (com.caseflow.support.testing.HostileInput.Case hostile : cases) {
            Api.Response response = platform.sendSignedBytes(hostile.contentType(), hostile.body());
            String problem = com.caseflow.support.testing.HostileInput.wrongAnswer(hostile, response);
            if (problem != null) {
                wrong.add(hostile + ": " + problem);
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(mongo.count(new Query(), CallDocument.class)).isEqualTo(stored);
        Barriers.outboxEmpty(mongo, outbox.collections());
        assertThat(calls.endOffsetSum(Topics.CALLS)).isEqualTo(published);
    }

    /** Every fact of the call, after the outbox is empty and the topic read to its end offsets. */
    private List<ConsumerRecord<String, byte[]>> factsOf(String callId) {
        Barriers.outboxEmpty(mongo, outbox.collections());
        return calls.readToEnd().stream().filter(r -> callId.equals(r.key())).toList();
    }

    private static JsonNode data(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value()).get("data");
    }

    private static String withCallId(String body, String callId) {
        return body.replace("{", "{\"callId\":\"" + callId + "\",");
    }

    private static String newCallId() {
        return "C-" + UUID.randomUUID();
    }

    private static String caller(JsonNode data) {
        String sealed = data.get("caller").asString();
        assertThat(sealed).startsWith("sealed:v1:local:");
        return TestKeys.keyring().open("caller", sealed).orElseThrow();
    }
}
