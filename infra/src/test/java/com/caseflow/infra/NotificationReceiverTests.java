package com.caseflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The receiver on a random port, with a clock the tests move. */
class NotificationReceiverTests {

    private static final JsonMapper json = JsonMapper.shared();

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T01:00:00Z"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private NotificationReceiver receiver;

    @BeforeEach
    void start() {
        receiver = NotificationReceiver.start(0, clock);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void whenANotificationIsPostedThenItIsAcceptedAndListedNewestFirst() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();

        HttpResponse<String> accepted = post(first, escalation(first, "案件 C-1 已超期"));
        clock.advance(Duration.ofSeconds(1));
        post(second, escalation(second, "案件 C-2 已超期"));

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(json.readTree(accepted.body()).path("duplicate").asBoolean()).isFalse();
        JsonNode listed = list();
        assertThat(listed.values()).extracting(entry -> entry.path("idempotencyKey").asString())
                .containsExactly(second, first);
        JsonNode oldest = listed.get(1);
        assertThat(oldest.path("receivedAt").asString()).isEqualTo("2026-11-27T01:00:00Z");
        assertThat(oldest.path("deliveries").asInt()).isEqualTo(1);
        assertThat(oldest.path("signature").asString()).isEqualTo("sha256=00ff");
        assertThat(oldest.path("notification").path("text").asString()).isEqualTo("【超期升级·第1级】案件 C-1 已超期");
        assertThat(oldest.path("notification").path("recipients").get(0).asString()).isEqualTo("E-HEAD-01");
    }

    @Test
    void whenTheSameIdempotencyKeyArrivesAgainThenItIsKeptOnceAndAnswered200() throws Exception {
        String id = UUID.randomUUID().toString();

        HttpResponse<String> firstTime = post(id, escalation(id, "案件 C-3 已超期"));
        HttpResponse<String> again = post(id, escalation(id, "案件 C-3 已超期"));

        assertThat(firstTime.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).path("duplicate").asBoolean()).isTrue();
        JsonNode listed = list();
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).path("deliveries").asInt()).isEqualTo(2);
    }

    @Test
    void whenAnOutageIsSetThenPostsAnswer503UntilItEnds() throws Exception {
        String id = UUID.randomUUID().toString();

        assertThat(send("PUT", "/outage?seconds=30", null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = post(id, escalation(id, "案件 C-4 已超期"));
        clock.advance(Duration.ofSeconds(10));
        String remaining = send("GET", "/outage", null, null).body();
        clock.advance(Duration.ofSeconds(20));
        HttpResponse<String> retried = post(id, escalation(id, "案件 C-4 已超期"));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(json.readTree(remaining).path("remainingSeconds").asLong()).isEqualTo(20);
        assertThat(retried.statusCode()).as("after the outage").isEqualTo(202);
        assertThat(list().size()).isEqualTo(1);

        send("PUT", "/outage?seconds=600", null, null);
        assertThat(post(id, escalation(id, "x")).statusCode()).isEqualTo(503);
        send("PUT", "/outage?seconds=0", null, null);
        assertThat(json.readTree(send("GET", "/outage", null, null).body()).path("remainingSeconds").asLong())
                .isZero();
        assertThat(post(id, escalation(id, "x")).statusCode()).as("ended with seconds=0").isEqualTo(200);
    }

    @Test
    void whenTheBodyIsNotAJsonObjectThenItIsRefusedAndNothingIsKept() throws Exception {
        String id = UUID.randomUUID().toString();

        assertThat(post(id, "{\"kind\":\"REMINDER\",").statusCode()).isEqualTo(400);
        assertThat(post(id, "not json").statusCode()).isEqualTo(400);
        assertThat(post(id, "[1,2]").statusCode()).isEqualTo(400);
        assertThat(post(id, "{} {}").statusCode()).as("trailing content").isEqualTo(400);
        assertThat(send("POST", "", "text/plain", escalation(id, "x")).statusCode()).isEqualTo(415);
        assertThat(post(id, "{\"text\":\"" + "长".repeat(NotificationReceiver.MAX_BODY_BYTES / 3) + "\"}")
                .statusCode()).isEqualTo(413);
        assertThat(send("PUT", "/outage?seconds=soon", null, null).statusCode()).isEqualTo(400);
        assertThat(send("DELETE", "", null, null).statusCode()).isEqualTo(405);
        assertThat(list().size()).isZero();

        assertThat(post(id, escalation(id, "x")).statusCode()).as("a good body after bad ones").isEqualTo(202);
    }

    @Test
    void whenClosedThenThePortIsFree() {
        int port = receiver.port();

        receiver.close();

        assertThat(Ports.isFree(port)).isTrue();
    }

    private static String escalation(String id, String text) {
        return """
                {"id":"%s","kind":"ESCALATION","caseId":"C-1","departmentCode":"ENGINEERING","projectCode":"SH-LJY",\
                "level":1,"role":"DEPARTMENT_HEAD","recipients":["E-HEAD-01"],"text":"【超期升级·第1级】%s",\
                "createdAt":"2026-11-27T00:59:00Z"}""".formatted(id, text);
    }

    private HttpResponse<String> post(String idempotencyKey, String body) throws Exception {
        return send("POST", "", "application/json", body, List.of("Idempotency-Key", idempotencyKey,
                "X-CaseFlow-Signature", "sha256=00ff"));
    }

    private JsonNode list() throws Exception {
        HttpResponse<String> response = send("GET", "", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode listed = json.readTree(response.body());
        assertThat(listed.isArray()).isTrue();
        return listed;
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        return send(method, path, contentType, body, List.of());
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body,
            List<String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.url() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
