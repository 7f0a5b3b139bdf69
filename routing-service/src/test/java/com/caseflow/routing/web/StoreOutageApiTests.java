package com.caseflow.routing.web;

import com.caseflow.support.testing.EmbeddedMongo;
import com.caseflow.support.testing.FreezableProxy;
import com.caseflow.support.testing.TestIdentityProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store freezes (connections accepted, nothing answered) while department staff poll their queues: every read is
 * answered 503 with Retry-After; once the store's circuit breaker stands open the reads are refused before they reach
 * the store instead of each holding a request thread for the driver's timeouts; health keeps asking the store itself;
 * once the store is back the queues are served again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "caseflow.routing.demo-data=true",
        "caseflow.outbox.sweep-interval=500ms"})
@EmbeddedKafka(partitions = 3, topics = {"contacts", "contacts.dlq", "cases", "followups", "followups.dlq", "calendars"},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class StoreOutageApiTests {

    private static final int CONCURRENT_READS = 40;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final URI MONGO = URI.create(EmbeddedMongo.freshDatabaseUri());
    private static final FreezableProxy STORE = FreezableProxy.to(MONGO.getHost(), MONGO.getPort());
    private static final TestIdentityProvider IDP = TestIdentityProvider.get();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + STORE.port() + MONGO.getPath());
        TestIdentityProvider.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    CircuitBreakerRegistry breakers;
    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
    private final AtomicInteger staff = new AtomicInteger();

    @AfterAll
    static void closeProxy() throws IOException {
        STORE.close();
    }

    @Test
    void whenTheStoreFreezesThenReadsAre503AndOnceTheBreakerIsOpenTheyNoLongerReachTheStore() {
        CircuitBreaker breaker = breakers.circuitBreaker("mongo");
        assertThat(breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls()).as("configured in application.yml")
                .isEqualTo(4);
        // the first read also fetches the identity provider's keys, slow on a loaded machine
        await().atMost(PATIENCE).until(() -> readQueue().status() == 200);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        // the breaker hears of a request once its answer is written: count from the warm-up's on
        await().atMost(PATIENCE).until(() -> breaker.getMetrics().getNumberOfSuccessfulCalls() > 0);
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger let = new AtomicInteger();
        breaker.getEventPublisher()
                .onCallNotPermitted(event -> refused.incrementAndGet())
                .onError(event -> let.incrementAndGet())
                .onSuccess(event -> let.incrementAndGet())
                .onIgnoredError(event -> let.incrementAndGet());

        STORE.freeze();
        long frozenAt = System.nanoTime();
        List<Answer> firstWave = concurrentReads();

        assertThat(firstWave).allSatisfy(StoreOutageApiTests::storeUnavailable);
        await().atMost(PATIENCE).until(() -> refused.get() + let.get() >= CONCURRENT_READS);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(meters.get("resilience4j.circuitbreaker.state").tag("name", "mongo").tag("state", "open")
                .gauge().value()).isEqualTo(1.0);
        long opened = millisSince(frozenAt);

        // while it stands open, a read goes through only as one of the half-open state's probes
        int refusedBefore = refused.get();
        int letBefore = let.get();
        List<Answer> whileOpen = concurrentReads();

        assertThat(whileOpen).allSatisfy(StoreOutageApiTests::storeUnavailable);
        await().atMost(PATIENCE).until(() -> refused.get() - refusedBefore + let.get() - letBefore
                >= CONCURRENT_READS);
        int probes = breaker.getCircuitBreakerConfig().getPermittedNumberOfCallsInHalfOpenState();
        int toTheStore = let.get() - letBefore;
        int refusedAtOnce = refused.get() - refusedBefore;
        assertThat(toTheStore).as("reads that went to the store").isLessThanOrEqualTo(probes);
        assertThat(refusedAtOnce).as("reads refused by the breaker").isGreaterThanOrEqualTo(CONCURRENT_READS - probes);
        // health is not behind the breaker: it asks the store, and the store does not answer
        int refusedBeforeHealth = refused.get();
        Answer readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.body()).contains("DOWN").doesNotContain("store-unavailable");
        assertThat(get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(refused.get()).isEqualTo(refusedBeforeHealth);

        STORE.thaw();
        long thawedAt = System.nanoTime();
        await().atMost(PATIENCE).until(() -> readQueue().status() == 200);
        long recovered = millisSince(thawedAt);
        await().atMost(PATIENCE).until(() -> readQueue().status() == 200
                && breaker.getState() == CircuitBreaker.State.CLOSED);

        System.out.printf("store frozen: %d concurrent queue reads all 503, slowest after %d ms; breaker open %d ms "
                        + "after the freeze; of the next %d concurrent reads %d went to the store (half-open probes), "
                        + "the others were refused before reaching it, slowest after %d ms; first 200 %d ms after the "
                        + "thaw%n", CONCURRENT_READS, slowest(firstWave), opened, CONCURRENT_READS, toTheStore,
                slowest(whileOpen), recovered);
    }

    private static void storeUnavailable(Answer answer) {
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.retryAfter()).isEqualTo("5");
        assertThat(answer.body()).contains("urn:caseflow:problem:store-unavailable").contains("Service unavailable");
    }

    private List<Answer> concurrentReads() {
        ExecutorService readers = Executors.newFixedThreadPool(CONCURRENT_READS);
        try {
            return IntStream.range(0, CONCURRENT_READS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(this::readQueue, readers)).toList()
                    .stream().map(CompletableFuture::join).toList();
        } finally {
            readers.shutdownNow();
        }
    }

    /** One read of a queue by a member of staff of its own: the console polls for many, none over the rate limit. */
    private Answer readQueue() {
        String token = IDP.departmentToken("D-ENG-OUT-" + staff.incrementAndGet(), "ENGINEERING");
        return get("/api/v1/departments/ENGINEERING/cases?size=5", token);
    }

    private record Answer(int status, String retryAfter, String body, long millis) {
    }

    private Answer get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(PATIENCE).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

    private static long slowest(List<Answer> answers) {
        return answers.stream().mapToLong(Answer::millis).max().orElseThrow();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
