package com.caseflow.infra.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.caseflow.events.webhook.WebhookSignature;
import com.caseflow.infra.http.SignedPost;
import com.caseflow.infra.http.SignedReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator on a random port, posting to a stand-in for intake that checks every signature. */
class PhoneSimulatorTests {

    private static final JsonMapper json = JsonMapper.shared();
    private static final String SECRET = "phone-secret-for-tests";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private SignedReceiver intake;
    private PhoneSimulator simulator;

    @BeforeEach
    void start() throws Exception {
        intake = new SignedReceiver("/api/v1/phone/events", SECRET, 202);
        Clock clock = Clock.tickMillis(ZoneOffset.UTC);
        simulator = PhoneSimulator.start(0, intake.url(), new SignedPost(SECRET, clock,
                List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200))), clock);
    }

    @AfterEach
    void stop() {
        simulator.close();
        intake.close();
    }

    @Test
    void whenACallIsRungAnsweredTransferredAndHungUpThenIntakeGetsFiveSignedEventsInOrder() throws Exception {
        Instant before = Instant.now();

        HttpResponse<String> rung = post("/phone/calls", "{\"caller\":\"138 1234 5678\",\"agent\":\"A001\"}");
        String callId = json.readTree(rung.body()).path("callId").asString();
        HttpResponse<String> answered = post("/phone/calls/newest/answer", "");
        HttpResponse<String> transferred = post("/phone/calls/" + callId + "/transfer", "{\"toAgent\":\"A002\"}");
        HttpResponse<String> hungUp = post("/phone/calls/" + callId + "/hangup", "");

        assertThat(rung.statusCode()).isEqualTo(201);
        assertThat(json.readTree(rung.body()).path("delivered").asBoolean()).isTrue();
        assertThat(List.of(answered.statusCode(), transferred.statusCode(), hungUp.statusCode()))
                .containsOnly(200);
        assertThat(intake.received()).extracting(SignedReceiver.Received::verdict)
                .containsOnly(WebhookSignature.Verdict.VALID);
        List<JsonNode> events = intake.valid();
        assertThat(events).extracting(e -> e.path("type").asString())
                .containsExactly("QUEUED", "RINGING", "ANSWERED", "TRANSFERRED", "ENDED");
        assertThat(events).extracting(e -> e.path("eventId").asString()).doesNotHaveDuplicates();
        assertThat(events).extracting(e -> e.path("callId").asString()).containsOnly(callId);
        assertThat(events).extracting(e -> e.path("caller").asString()).containsOnly("13812345678");
        assertThat(events).extracting(e -> e.path("hotline").asString()).containsOnly("400-820-8820");
        assertThat(events).extracting(e -> e.path("agentId").asString())
                .containsExactly("", "A001", "A001", "A001", "A002");
        assertThat(events.get(3).path("toAgentId").asString()).isEqualTo("A002");
        assertThat(events.get(4).path("recordingUrl").asString())
                .isEqualTo(simulator.url() + "/recordings/" + callId + ".wav");
        assertThat(events).allSatisfy(e -> assertThat(Instant.parse(e.path("occurredAt").asString()))
                .isBetween(before.minusSeconds(1), Instant.now()));
        JsonNode call = json.readTree(get("/phone/calls/" + callId).body());
        assertThat(call.path("state").asString()).isEqualTo("ENDED");
        HttpResponse<byte[]> recording = http.send(HttpRequest.newBuilder(URI.create(
                events.get(4).path("recordingUrl").asString())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(recording.statusCode()).isEqualTo(200);
        assertThat(new String(recording.body(), 0, 4)).isEqualTo("RIFF");
    }

    @Test
    void whenTheCallerHangsUpWhileItRingsThenTheCallIsAbandonedAtThatAgentAndCannotBeAnswered() throws Exception {
        String callId = json.readTree(post("/phone/calls", "{\"caller\":\"13812345678\",\"agent\":\"A001\"}").body())
                .path("callId").asString();

        HttpResponse<String> hungUp = post("/phone/calls/" + callId + "/hangup", "");
        HttpResponse<String> answeredLate = post("/phone/calls/" + callId + "/answer", "");

        assertThat(hungUp.statusCode()).isEqualTo(200);
        assertThat(json.readTree(hungUp.body()).path("state").asString()).isEqualTo("ABANDONED");
        assertThat(answeredLate.statusCode()).isEqualTo(409);
        assertThat(intake.valid()).extracting(e -> e.path("type").asString())
                .containsExactly("QUEUED", "RINGING", "ABANDONED");
        JsonNode abandoned = intake.valid().get(2);
        assertThat(abandoned.path("agentId").asString()).isEqualTo("A001");
        assertThat(abandoned.path("recordingUrl").isNull()).isTrue();
    }

    @Test
    void whenAWithheldCallIsAbandonedInTheQueueThenItHasNoCallerAndNoAgent() throws Exception {
        HttpResponse<String> queued = post("/phone/calls", "{\"caller\":null,\"hotline\":\"4008208820\"}");
        String callId = json.readTree(queued.body()).path("callId").asString();
        HttpResponse<String> answeredWithoutAgent = post("/phone/calls/" + callId + "/answer", "");
        post("/phone/calls/" + callId + "/hangup", "");

        assertThat(answeredWithoutAgent.statusCode()).isEqualTo(409);
        assertThat(intake.valid()).extracting(e -> e.path("type").asString()).containsExactly("QUEUED", "ABANDONED");
        assertThat(intake.valid()).allSatisfy(e -> {
            assertThat(e.path("caller").isNull()).isTrue();
            assertThat(e.path("agentId").isNull()).isTrue();
            assertThat(e.path("hotline").asString()).isEqualTo("400-820-8820");
        });
    }

    @Test
    void whenIntakeIsRestartingThenTheEventIsTriedAgainWithItsIdAndAFreshSignature() throws Exception {
        intake.failNext(2);

        HttpResponse<String> rung = post("/phone/calls", "{\"caller\":\"13812345678\"}");

        assertThat(json.readTree(rung.body()).path("delivered").asBoolean()).isTrue();
        List<SignedReceiver.Received> attempts = intake.received();
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(a -> a.body().path("eventId").asString()).containsOnly(
                attempts.get(0).body().path("eventId").asString());
        assertThat(attempts).extracting(SignedReceiver.Received::verdict).containsOnly(WebhookSignature.Verdict.VALID);
        assertThat(attempts).extracting(SignedReceiver.Received::signature).doesNotHaveDuplicates();
    }

    @Test
    void whenIntakeStaysAwayThenLaterEventsGetOneAttemptEachUntilItAnswersAgain() throws Exception {
        intake.failNext(1000);

        HttpResponse<String> first = post("/phone/calls", "{\"caller\":\"13812345678\",\"agent\":\"A001\"}");
        int afterFirst = intake.received().size();
        HttpResponse<String> second = post("/phone/calls", "{\"caller\":\"13812345678\"}");
        int afterSecond = intake.received().size();
        intake.failNext(0);
        HttpResponse<String> third = post("/phone/calls", "{\"caller\":\"13812345678\"}");
        intake.failNext(1);
        HttpResponse<String> fourth = post("/phone/calls", "{\"caller\":\"13812345678\"}");

        assertThat(json.readTree(first.body()).path("delivered").asBoolean()).isFalse();
        assertThat(json.readTree(first.body()).path("intake").path("status").asInt()).isEqualTo(503);
        assertThat(afterFirst).as("all attempts for the QUEUED event, none for the RINGING behind it").isEqualTo(4);
        assertThat(json.readTree(second.body()).path("delivered").asBoolean()).isFalse();
        assertThat(afterSecond - afterFirst).as("one attempt while intake is away").isEqualTo(1);
        assertThat(json.readTree(third.body()).path("delivered").asBoolean()).isTrue();
        assertThat(json.readTree(fourth.body()).path("delivered").asBoolean()).as("retried again").isTrue();
        assertThat(intake.received()).hasSize(4 + 1 + 1 + 2);
    }

    @Test
    void whenIntakeRefusesTheSignatureThenTheAnswerSaysSoAndNothingIsTriedAgain() throws Exception {
        simulator.close();
        Clock clock = Clock.tickMillis(ZoneOffset.UTC);
        simulator = PhoneSimulator.start(0, intake.url(), new SignedPost("another-secret", clock,
                List.of(Duration.ofMillis(50))), clock);

        HttpResponse<String> rung = post("/phone/calls", "{\"caller\":\"13812345678\",\"agent\":\"A001\"}");

        JsonNode answer = json.readTree(rung.body());
        assertThat(answer.path("delivered").asBoolean()).isFalse();
        assertThat(answer.path("intake").path("status").asInt()).isEqualTo(401);
        assertThat(intake.received()).hasSize(1);
    }

    @Test
    void whenARequestIsBadThenTheProblemNamesEachField() throws Exception {
        HttpResponse<String> noCaller = post("/phone/calls", "{\"agent\":\"A 1\",\"hotline\":\"abc\"}");
        HttpResponse<String> noTarget = post("/phone/calls/C-unknown/transfer", "{}");
        HttpResponse<String> unknown = post("/phone/calls/C-unknown/answer", "");
        HttpResponse<String> traffic = post("/phone/traffic",
                "{\"callsPerMinute\":60,\"abandonedShare\":1.5,\"agents\":[\"A001\"],\"minutes\":-1}");

        assertThat(noCaller.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noCaller.body()).path("errors").propertyNames())
                .containsExactlyInAnyOrder("caller", "hotline", "agent");
        assertThat(noTarget.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noTarget.body()).path("errors").has("toAgent")).isTrue();
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(traffic.statusCode()).isEqualTo(400);
        assertThat(json.readTree(traffic.body()).path("errors").propertyNames())
                .containsExactlyInAnyOrder("abandonedShare", "agents", "minutes");
        assertThat(intake.received()).isEmpty();
    }

    @Test
    void whenTrafficRunsThenCallsArriveSignedUntilItIsStopped() throws Exception {
        List<String> agents = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "\"A" + (100 + i) + "\"")
                .toList();
        HttpResponse<String> started = post("/phone/traffic", "{\"callsPerMinute\":60,\"abandonedShare\":0.2,"
                + "\"agents\":" + agents + ",\"seed\":7}");
        HttpResponse<String> again = post("/phone/traffic", "{\"callsPerMinute\":1,\"abandonedShare\":0,"
                + "\"agents\":[\"A001\"]}");

        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(json.readTree(started.body()).path("seed").asLong()).isEqualTo(7);
        assertThat(again.statusCode()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(60)).until(() -> intake.valid().stream()
                .filter(e -> e.path("type").asString().equals("QUEUED")).count() >= 3);
        HttpResponse<String> stopped = delete("/phone/traffic");

        JsonNode status = json.readTree(stopped.body());
        assertThat(status.path("running").asBoolean()).isFalse();
        assertThat(status.path("offered").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(intake.received()).extracting(SignedReceiver.Received::verdict)
                .containsOnly(WebhookSignature.Verdict.VALID);
        JsonNode calls = json.readTree(get("/phone/calls").body());
        assertThat(calls.values()).allSatisfy(call -> assertThat(call.path("traffic").asBoolean()).isTrue());
        HttpResponse<String> manual = post("/phone/calls/" + calls.get(0).path("callId").asString() + "/hangup", "");
        assertThat(manual.statusCode()).isEqualTo(409);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.port() + path)).DELETE()
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
