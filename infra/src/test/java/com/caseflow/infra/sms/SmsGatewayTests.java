package com.caseflow.infra.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.caseflow.events.webhook.WebhookSignature;
import com.caseflow.infra.http.SignedPost;
import com.caseflow.infra.http.SignedReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway on a random port; follow-up's reply endpoint is a stand-in that checks the signature. */
class SmsGatewayTests {

    private static final JsonMapper json = JsonMapper.shared();
    private static final String SECRET = "sms-secret-for-tests";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger gatewayLog = (Logger) LoggerFactory.getLogger(SmsGateway.class);
    private SignedReceiver followUp;
    private SmsGateway gateway;

    @BeforeEach
    void start() throws Exception {
        logged.start();
        gatewayLog.addAppender(logged);
        followUp = new SignedReceiver("/api/v1/sms/replies", SECRET, 202);
        Clock clock = Clock.tickMillis(ZoneOffset.UTC);
        gateway = SmsGateway.start(0, SECRET, followUp.url(), new SignedPost(SECRET, clock,
                List.of(Duration.ofMillis(50), Duration.ofMillis(100))), clock);
    }

    @AfterEach
    void stop() {
        gateway.close();
        followUp.close();
        gatewayLog.detachAppender(logged);
    }

    @Test
    void whenAMessageIsSignedThenItIsAcceptedListedAndLoggedWithTheNumberMasked() throws Exception {
        String id = UUID.randomUUID().toString();

        HttpResponse<String> sent = send(id, message(id, "13812345678", "您的诉求已受理，案件号 C-20261205-0001，如有疑问请拨 13987654321。"),
                SECRET, Instant.now());

        assertThat(sent.statusCode()).isEqualTo(202);
        JsonNode listed = list();
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).path("to").asString()).isEqualTo("13812345678");
        assertThat(listed.get(0).path("template").asString()).isEqualTo("CASE_OPENED");
        List<String> lines = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("138****5678", "C-20261205-0001", "139****4321", id)
                .doesNotContain("13812345678", "13987654321");
    }

    @Test
    void whenTheSignatureIsWrongMissingOrStaleThenTheMessageIsRefused401AndNotKept() throws Exception {
        String id = UUID.randomUUID().toString();
        String body = message(id, "13812345678", "您的诉求已受理");

        HttpResponse<String> forged = send(id, body, "not-the-secret", Instant.now());
        HttpResponse<String> stale = send(id, body, SECRET, Instant.now().minus(Duration.ofMinutes(6)));
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(gateway.messagesUrl()))
                .header("Content-Type", "application/json").header("Idempotency-Key", id)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(List.of(forged.statusCode(), stale.statusCode(), unsigned.statusCode())).containsOnly(401);
        assertThat(json.readTree(forged.body()).path("title").asString()).isEqualTo("Signature forged");
        assertThat(list().size()).isZero();
    }

    @Test
    void whenTheSameIdempotencyKeyComesAgainThenTheMessageIsKeptAndLoggedOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        String body = message(id, "13812345678", "您的诉求已办结，请回复 1-5 评价");

        HttpResponse<String> first = send(id, body, SECRET, Instant.now());
        HttpResponse<String> again = send(id, body, SECRET, Instant.now().plusSeconds(1));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).path("duplicate").asBoolean()).isTrue();
        JsonNode listed = list();
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).path("deliveries").asInt()).isEqualTo(2);
        assertThat(logged.list).hasSize(1);
    }

    @Test
    void whenAMessageLacksFieldsThenTheProblemNamesEach() throws Exception {
        HttpResponse<String> bad = send(null, "{\"to\":\"12345\"}", SECRET, Instant.now());

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).path("errors").propertyNames())
                .containsExactlyInAnyOrder("Idempotency-Key", "messageId", "to", "text");
    }

    @Test
    void whenACustomerRepliesThenFollowUpGetsASignedReplyWithAFreshIdAndTime() throws Exception {
        Instant before = Instant.now().minusSeconds(1);

        HttpResponse<String> first = reply("{\"from\":\"138-1234-5678\",\"text\":\"5\"}");
        HttpResponse<String> second = reply("{\"from\":\"13812345678\",\"text\":\"退订\"}");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(followUp.received()).extracting(SignedReceiver.Received::verdict)
                .containsExactly(WebhookSignature.Verdict.VALID, WebhookSignature.Verdict.VALID);
        List<JsonNode> replies = followUp.valid();
        assertThat(replies).extracting(r -> r.path("from").asString()).containsOnly("13812345678");
        assertThat(replies).extracting(r -> r.path("text").asString()).containsExactly("5", "退订");
        assertThat(replies).extracting(r -> r.path("replyId").asString()).doesNotHaveDuplicates()
                .containsExactly(json.readTree(first.body()).path("replyId").asString(),
                        json.readTree(second.body()).path("replyId").asString());
        assertThat(replies).allSatisfy(r -> assertThat(Instant.parse(r.path("receivedAt").asString()))
                .isBetween(before, Instant.now()));
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .allSatisfy(line -> assertThat(line).doesNotContain("13812345678").contains("138****5678"));
    }

    @Test
    void whenFollowUpIsDownThenTheReplyIsTriedAgainAndTheAnswerIs502() throws Exception {
        followUp.failNext(3);

        HttpResponse<String> answer = reply("{\"from\":\"13812345678\",\"text\":\"2\"}");
        HttpResponse<String> bad = reply("{\"from\":\"400-820-8820\"}");

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(json.readTree(answer.body()).path("followupStatus").asInt()).isEqualTo(503);
        assertThat(followUp.received()).hasSize(3);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).path("errors").propertyNames())
                .containsExactlyInAnyOrder("from", "text");
    }

    private static String message(String id, String to, String text) {
        return json.writeValueAsString(json.createObjectNode().put("messageId", id).put("to", to).put("text", text)
                .put("template", "CASE_OPENED").put("caseId", "C-20261205-0001"));
    }

    private HttpResponse<String> send(String key, String body, String secret, Instant at) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.messagesUrl()))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(at.getEpochSecond()))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, at.getEpochSecond(), bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> reply(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/sms/replies"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode list() throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create(gateway.messagesUrl())).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}
