package com.caseflow.followup.support;

import com.caseflow.events.webhook.WebhookSignature;
import com.sun.net.httpserver.HttpServer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SMS gateway as the tests see it: a real HTTP endpoint that takes a message only when it is signed with the
 * shared secret (checked against the tests' clock, which the service signs with), records what it accepted and can
 * be told to fail.
 */
public final class TestSmsGateway {

    public static final String SECRET = "test-sms-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One accepted message: its idempotency key and body. */
    public record Received(String idempotencyKey, JsonNode body) {

        public String caseId() {
            return body.get("caseId").asString();
        }

        public String text() {
            return body.get("text").asString();
        }
    }

    private static final TestSmsGateway INSTANCE = new TestSmsGateway();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger unsigned = new AtomicInteger();
    private volatile int failWith;

    private TestSmsGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sms/messages", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                var headers = exchange.getRequestHeaders();
                WebhookSignature.Verdict verdict = WebhookSignature.verify(SECRET,
                        headers.getFirst(WebhookSignature.TIMESTAMP_HEADER),
                        headers.getFirst(WebhookSignature.SIGNATURE_HEADER), body, TestClock.CLOCK.instant(),
                        WebhookSignature.DEFAULT_WINDOW);
                int status = failWith;
                if (verdict != WebhookSignature.Verdict.VALID) {
                    unsigned.incrementAndGet();
                    status = 401;
                } else if (status == 0) {
                    received.add(new Received(headers.getFirst("Idempotency-Key"), JSON.readTree(body)));
                    status = 202;
                } else {
                    refused.incrementAndGet();
                }
                exchange.sendResponseHeaders(status, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public static TestSmsGateway get() {
        return INSTANCE;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms/messages";
    }

    /** Answers every message with this status from now on; 0 accepts again. */
    public void failWith(int status) {
        failWith = status;
    }

    public List<Received> receivedFor(String caseId) {
        return received.stream().filter(r -> caseId.equals(r.caseId())).toList();
    }

    public int refused() {
        return refused.get();
    }

    /** Requests refused for their signature: none is expected. */
    public int unsigned() {
        return unsigned.get();
    }

    /** Points the service under test at this gateway, with the shared secret. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("caseflow.sms.gateway-url=" + get().url(), "caseflow.sms.secret=" + SECRET)
                    .applyTo(context);
        }
    }
}
