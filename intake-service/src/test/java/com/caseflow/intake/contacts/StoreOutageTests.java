package com.caseflow.intake.contacts;

import com.caseflow.intake.contacts.persistence.ContactDocument;
import com.caseflow.intake.support.Fixtures;
import com.caseflow.support.testing.EmbeddedMongo;
import com.caseflow.support.testing.FreezableProxy;
import com.caseflow.support.testing.ServiceProcess;
import com.caseflow.support.testing.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store freezes (connections accepted, nothing answered) while agents record calls: every call is answered
 * within seconds with 503 and Retry-After, none left hanging; readiness goes DOWN while liveness stays UP; once the
 * store is back calls are stored again, and a 201 means the contact is in the store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoreOutageTests {

    /** The measure: calls not answered within this long count as lost to the agent. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final int CONCURRENT_CALLS = 60;
    private static final URI MONGO = URI.create(EmbeddedMongo.freshDatabaseUri());
    private static final FreezableProxy STORE = FreezableProxy.to(MONGO.getHost(), MONGO.getPort());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + STORE.port() + MONGO.getPath());
        TestIdentityProvider.register(registry);
        // no broker: the outbox keeps the events, which is not what this test is about
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + freePort());
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build();
    /** One agent per call: the calls come from a whole shift, not from one agent over the rate limit. */
    private final Map<Integer, String> tokens = new ConcurrentHashMap<>();

    @AfterAll
    static void closeProxy() throws IOException {
        STORE.close();
    }

    @Test
    void whenTheStoreFreezesThenCallsAreRefusedWithinSecondsAndStoredAgainOnceItIsBack() {
        // the first call also fetches the identity provider's keys, slow on a loaded machine
        await().atMost(Duration.ofSeconds(60)).until(() -> recordCall(0).status() == 201);
        assertThat(status("/actuator/health/readiness")).isEqualTo(200);

        STORE.freeze();
        long frozenAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health/readiness") == 503);
        long readinessDown = millisSince(frozenAt);
        assertThat(status("/actuator/health/liveness")).isEqualTo(200);
        List<Answer> answers;
        ExecutorService agents = Executors.newFixedThreadPool(CONCURRENT_CALLS);
        try {
            answers = IntStream.range(1, CONCURRENT_CALLS + 1)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> recordCall(i), agents)).toList()
                    .stream().map(CompletableFuture::join).toList();
        } finally {
            agents.shutdownNow();
        }
        long slowest = answers.stream().mapToLong(Answer::millis).max().orElseThrow();

        assertThat(answers).as("answered within %s", ANSWER_WITHIN).noneMatch(Answer::unanswered);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.retryAfter()).isNotBlank();
            assertThat(answer.body()).contains("urn:caseflow:problem:store-unavailable");
        });
        // the breaker stands open: the next calls do not wait for the store, but for the odd probe whether it is back
        List<Answer> refused = IntStream.range(0, 10).mapToObj(i -> recordCall(CONCURRENT_CALLS + 1 + i)).toList();
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.retryAfter()).isNotBlank();
            assertThat(answer.millis()).isLessThan(ANSWER_WITHIN.toMillis());
        });
        assertThat(refused).filteredOn(answer -> answer.millis() < 1_000).hasSizeGreaterThanOrEqualTo(7);

        STORE.thaw();
        long thawedAt = System.nanoTime();
        Answer stored = await().atMost(Duration.ofSeconds(60)).until(() -> recordCall(1_000),
                answer -> answer.status() == 201);
        long recovered = millisSince(thawedAt);
        String id = JSON.readTree(stored.body()).get("id").asString();
        assertThat(mongo.findById(id, ContactDocument.class)).isNotNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health/readiness") == 200);

        System.out.printf("store frozen: %d concurrent calls all answered 503, slowest after %d ms; next calls "
                        + "refused in at most %d ms; readiness DOWN %d ms after the freeze; first 201 %d ms after "
                        + "the thaw%n", CONCURRENT_CALLS, slowest,
                refused.stream().mapToLong(Answer::millis).max().orElseThrow(), readinessDown, recovered);
    }

    private record Answer(int status, String retryAfter, String body, long millis) {

        boolean unanswered() {
            return status == 0;
        }
    }

    private Answer recordCall(int n) {
        String phone = "136" + String.format("%08d", 30_000_000 + n);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/calls"))
                .timeout(ANSWER_WITHIN)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.computeIfAbsent(n % 100,
                        agent -> TestIdentityProvider.get().token("A" + (100 + agent), "AGENT")))
                .POST(HttpRequest.BodyPublishers.ofString(Fixtures.call("周杰", phone, "燃气表漏气"),
                        StandardCharsets.UTF_8))
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                    response.body(), millisSince(started));
        } catch (HttpTimeoutException e) {
            return new Answer(0, null, null, millisSince(started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(ANSWER_WITHIN).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static int freePort() {
        try {
            return ServiceProcess.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
