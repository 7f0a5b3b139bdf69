package com.caseflow.infra.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.caseflow.events.webhook.WebhookSignature;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * A service's signed endpoint for the tests (intake's call events, follow-up's SMS replies): checks each request with
 * {@link WebhookSignature} under its secret and keeps what it took; answers 401 to a bad signature, and 503 to the
 * first {@link #failNext} requests (a service restarting).
 */
public final class SignedReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String signature, WebhookSignature.Verdict verdict, String idempotencyKey, JsonNode body) {
    }

    private final HttpServer server;
    private final String secret;
    private final String path;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();

    public SignedReceiver(String path, String secret, int status) throws IOException {
        this.path = path;
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                WebhookSignature.Verdict verdict = WebhookSignature.verify(secret,
                        exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                        exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), body,
                        Instant.now(), WebhookSignature.DEFAULT_WINDOW);
                received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                        verdict, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        JsonExchange.JSON.readTree(body)));
                int answer = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503
                        : verdict == WebhookSignature.Verdict.VALID ? status : 401;
                byte[] reply = answer >= 400
                        ? ("{\"title\":\"Refused " + answer + "\",\"status\":" + answer + "}").getBytes() : new byte[0];
                exchange.sendResponseHeaders(answer, reply.length == 0 ? -1 : reply.length);
                exchange.getResponseBody().write(reply);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The bodies of the requests that were signed correctly (also those answered 503). */
    public List<JsonNode> valid() {
        return received.stream().filter(r -> r.verdict() == WebhookSignature.Verdict.VALID).map(Received::body)
                .toList();
    }

    public void failNext(int requests) {
        failNext.set(requests);
    }

    public String secret() {
        return secret;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
