package com.caseflow.console.services;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A screen's request gives up after the short read timeout, a download (an export) keeps waiting for the file: the
 * clients as the console builds them, against a service that answers only when the test lets it.
 */
class ServiceTimeoutsTests {

    private static final Duration SCREEN = Duration.ofMillis(300);
    /** Long enough never to run out on a loaded machine: the test releases the answer itself. */
    private static final Duration DOWNLOAD = Duration.ofSeconds(60);

    private final CountDownLatch exportAsked = new CountDownLatch(1);
    private final CountDownLatch answer = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer service;
    private ServiceApi evaluation;

    @BeforeEach
    void slowService() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // each request on its own thread: the export held back must not hold back the screen's request
        service.setExecutor(handlers);
        service.createContext("/", exchange -> {
            if (String.valueOf(exchange.getRequestURI().getQuery()).contains("format=xlsx")) {
                exportAsked.countDown();
            }
            try {
                // held until the test has seen what it needs; bounded so that a failed test still ends
                answer.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "PK sheet".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        URI base = URI.create("http://127.0.0.1:" + service.getAddress().getPort());
        ServicesProperties properties = new ServicesProperties(base, base, base, base, Duration.ofSeconds(2),
                SCREEN, DOWNLOAD);
        ClientHttpRequestInterceptor none = (request, body, execution) -> execution.execute(request, body);
        evaluation = ServiceClients.api("evaluation", base, RestClient.builder(), ServiceClients.timeouts(properties),
                none, none, CircuitBreakerRegistry.ofDefaults(), JsonMapper.builder().build());
    }

    @AfterEach
    void stop() {
        answer.countDown();
        service.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void whenTheServiceTakesLongerThanAScreenMayWaitThenTheScreenGivesUpAndTheDownloadWaitsForItsFile()
            throws Exception {
        CompletableFuture<byte[]> export = CompletableFuture.supplyAsync(() -> evaluation.download(client -> client
                .get().uri("/api/v1/reports/agents?format=xlsx").retrieve().body(byte[].class)));
        assertThat(exportAsked.await(60, TimeUnit.SECONDS)).as("the export reached the service").isTrue();

        // asked after the export, so once the screen has given up the export has waited longer than a screen may
        assertThatExceptionOfType(ServiceUnavailable.class).isThrownBy(() -> evaluation.call(client -> client.get()
                        .uri("/api/v1/reports/agents?from=2026-11-01").retrieve().body(String.class)))
                .withRootCauseInstanceOf(HttpTimeoutException.class);
        assertThat(export).as("the download still waits").isNotDone();

        answer.countDown();
        assertThat(export.get(60, TimeUnit.SECONDS)).asString(StandardCharsets.UTF_8).isEqualTo("PK sheet");
    }

    @Test
    void whenNothingIsConfiguredThenScreensWaitFiveSecondsAndDownloadsAMinute() {
        ServicesProperties defaults = new ServicesProperties(null, null, null, null, null, null, null);

        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.downloadReadTimeout()).isEqualTo(Duration.ofSeconds(60));
    }
}
