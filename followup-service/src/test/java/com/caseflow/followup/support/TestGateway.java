package com.caseflow.followup.support;

import com.sun.net.httpserver.HttpServer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The company's notification gateway as the tests see it: a real HTTP endpoint that records what it accepted and can
 * be told to fail.
 */
public final class TestGateway {

    /** One accepted notification: its idempotency key and body. */
    public record Received(String idempotencyKey, String timestamp, String signature, String body) {
    }

    private static final TestGateway INSTANCE = new TestGateway();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile int failWith;

    private TestGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/notifications", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int status = failWith;
                if (status == 0) {
                    received.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                            exchange.getRequestHeaders().getFirst("X-CaseFlow-Timestamp"),
                            exchange.getRequestHeaders().getFirst("X-CaseFlow-Signature"), body));
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

    public static TestGateway get() {
        return INSTANCE;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notifications";
    }

    /** Answers every delivery with this status from now on; 0 accepts again. */
    public void failWith(int status) {
        failWith = status;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedFor(String caseId) {
        return received.stream().filter(r -> r.body().contains(caseId)).toList();
    }

    public int refused() {
        return refused.get();
    }

    /** Points the service under test at this gateway. */
    public static final class Initializer
            implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("caseflow.followup.notifications.webhook=" + get().url()).applyTo(context);
        }
    }
}
