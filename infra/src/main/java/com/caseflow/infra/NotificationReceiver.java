package com.caseflow.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static com.caseflow.infra.http.JsonExchange.isJson;
import static com.caseflow.infra.http.JsonExchange.methodNotAllowed;
import static com.caseflow.infra.http.JsonExchange.oneLine;
import static com.caseflow.infra.http.JsonExchange.problem;
import static com.caseflow.infra.http.JsonExchange.send;

/**
 * Stands in for the company's notification gateway (WeCom, DingTalk, SMS) on a developer machine: follow-up-service
 * POSTs its reminders and escalations here, and each new one is one line in the stack's log.
 *
 * <ul>
 *   <li>{@code POST /notifications} — a JSON object of at most 64 KB ({@code Content-Type: application/json}):
 *       202, or 200 when its {@code Idempotency-Key} (else its {@code id}) was received before; 400 for a body that is
 *       not a JSON object or has no key, 413 for a larger one, 415 for another content type, 503 during an outage.</li>
 *   <li>{@code GET /notifications} — the newest {@value #KEPT} as a JSON array, newest first.</li>
 *   <li>{@code PUT /notifications/outage?seconds=N} — answers every POST with 503 for N seconds (0 ends the outage);
 *       {@code GET /notifications/outage} — the seconds left. For watching failed deliveries being retried.</li>
 * </ul>
 *
 * Everything is kept in memory only: a restart of the stack starts with an empty list. The signature header is kept
 * with each notification but not checked — the receiver does not know the sender's secret.
 */
public final class NotificationReceiver implements AutoCloseable {

    public static final String PATH = "/notifications";
    static final String OUTAGE_PATH = PATH + "/outage";
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** How many notifications GET lists. */
    static final int KEPT = 200;
    /** How many keys are remembered for de-duplication: far more than are listed, as a real gateway would. */
    static final int REMEMBERED_KEYS = 10_000;
    static final long MAX_OUTAGE_SECONDS = 24 * 60 * 60;
    /** Longest text in the log line; the whole text stays in the list. */
    private static final int LOGGED_TEXT_CHARS = 500;

    private static final Logger log = LoggerFactory.getLogger(NotificationReceiver.class);
    private static final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Oldest first; guarded by {@code this}. */
    private final Map<String, Received> kept = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Received> eldest) {
            return size() > KEPT;
        }
    };
    /** Guarded by {@code this}. */
    private final Map<String, Boolean> rememberedKeys = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_KEYS;
        }
    };
    private volatile Instant outageUntil = Instant.MIN;

    private NotificationReceiver(HttpServer server, ExecutorService executor, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.clock = clock;
    }

    /** Listens on 127.0.0.1; port 0 takes any free port (see {@link #port()}). */
    public static NotificationReceiver start(int port) {
        return start(port, Clock.systemUTC());
    }

    static NotificationReceiver start(int port, Clock clock) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(StackSettings.HOST, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + StackSettings.HOST + ":" + port, e);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "caseflow-notifications-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        NotificationReceiver receiver = new NotificationReceiver(server, executor, clock);
        server.createContext(PATH, receiver::handle);
        server.setExecutor(executor);
        server.start();
        return receiver;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Where notifications are POSTed, e.g. {@code http://127.0.0.1:9010/notifications}. */
    public String url() {
        return "http://" + StackSettings.HOST + ":" + port() + PATH;
    }

    /** Stops listening at once; safe to call more than once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "notification receiver on port " + port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (PATH.equals(path)) {
                switch (method) {
                    case "POST" -> receive(exchange);
                    case "GET" -> send(exchange, 200, list());
                    default -> methodNotAllowed(exchange, "GET, POST");
                }
            } else if (OUTAGE_PATH.equals(path)) {
                switch (method) {
                    case "PUT" -> startOutage(exchange);
                    case "GET" -> send(exchange, 200, outageStatus());
                    default -> methodNotAllowed(exchange, "GET, PUT");
                }
            } else {
                problem(exchange, 404, "Not found", "Only " + PATH + " and " + OUTAGE_PATH + " are here.");
            }
        } catch (RuntimeException e) {
            log.warn("The notification receiver failed on {} {}", exchange.getRequestMethod(),
                    exchange.getRequestURI(), e);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        long outageLeft = outageSecondsLeft();
        if (outageLeft > 0) {
            log.info("Refused notification {} (simulated gateway outage, {} s left)",
                    oneLine(exchange.getRequestHeaders().getFirst("Idempotency-Key"), 100), outageLeft);
            exchange.getResponseHeaders().set("Retry-After", Long.toString(outageLeft));
            problem(exchange, 503, "Gateway outage (simulated)", "Ends in " + outageLeft + " s; PUT "
                    + OUTAGE_PATH + "?seconds=0 ends it now.");
            return;
        }
        if (!isJson(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            problem(exchange, 415, "Unsupported media type", "Send Content-Type: application/json.");
            return;
        }
        // Read, not judged by Content-Length: a chunked body has none. The server drains what is left on close.
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            tooLarge(exchange);
            return;
        }
        JsonNode notification;
        try {
            notification = json.readTree(body);
        } catch (JacksonException e) {
            problem(exchange, 400, "Not JSON", "The body is not a JSON document: " + e.getOriginalMessage());
            return;
        }
        if (notification == null || !notification.isObject()) {
            problem(exchange, 400, "Not a JSON object", "The body must be one JSON object.");
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null || key.isBlank()) {
            key = notification.path("id").isString() ? notification.path("id").stringValue() : null;
        }
        if (key == null || key.isBlank()) {
            problem(exchange, 400, "No idempotency key", "Send an Idempotency-Key header (or an id in the body).");
            return;
        }

        boolean isNew = store(key, exchange.getRequestHeaders().getFirst("X-CaseFlow-Signature"), notification);
        if (isNew) {
            log.info("Notification {} level {} case {} to {}: {}", field(notification, "kind"),
                    field(notification, "level"), field(notification, "caseId"),
                    recipients(notification), text(notification.path("text"), LOGGED_TEXT_CHARS));
        }
        ObjectNode answer = json.createObjectNode();
        answer.put("idempotencyKey", key);
        answer.put("duplicate", !isNew);
        send(exchange, isNew ? 202 : 200, answer);
    }

    /** True for a notification not received before. */
    private synchronized boolean store(String key, String signature, JsonNode notification) {
        Received earlier = kept.get(key);
        if (earlier != null) {
            kept.put(key, earlier.deliveredAgain());  // put on an existing key keeps its place in the order
            return false;
        }
        if (rememberedKeys.containsKey(key)) {
            return false;
        }
        rememberedKeys.put(key, Boolean.TRUE);
        kept.put(key, new Received(key, clock.instant(), signature, notification, 1));
        return true;
    }

    private ArrayNode list() {
        List<Received> newestFirst;
        synchronized (this) {
            newestFirst = new ArrayList<>(kept.values());
        }
        Collections.reverse(newestFirst);
        ArrayNode array = json.createArrayNode();
        for (Received received : newestFirst) {
            ObjectNode entry = array.addObject();
            entry.put("idempotencyKey", received.key());
            entry.put("receivedAt", received.receivedAt().toString());
            entry.put("deliveries", received.deliveries());
            if (received.signature() != null) {
                entry.put("signature", received.signature());
            }
            entry.set("notification", received.notification());
        }
        return array;
    }

    private void startOutage(HttpExchange exchange) throws IOException {
        Long seconds = secondsParameter(exchange.getRequestURI().getRawQuery());
        if (seconds == null) {
            problem(exchange, 400, "Bad seconds", "Use " + OUTAGE_PATH + "?seconds=N with N from 0 to "
                    + MAX_OUTAGE_SECONDS + ".");
            return;
        }
        outageUntil = seconds == 0 ? Instant.MIN : clock.instant().plusSeconds(seconds);
        if (seconds == 0) {
            log.info("Simulated gateway outage ended: notifications are accepted again");
        } else {
            log.info("Simulated gateway outage for {} s: every notification is refused with 503", seconds);
        }
        send(exchange, 200, outageStatus());
    }

    private ObjectNode outageStatus() {
        ObjectNode status = json.createObjectNode();
        status.put("remainingSeconds", outageSecondsLeft());
        return status;
    }

    /** Whole seconds, rounded up: 0 only once the outage is over. */
    private long outageSecondsLeft() {
        Instant until = outageUntil;
        Instant now = clock.instant();
        if (!now.isBefore(until)) {
            return 0;
        }
        long millis = Duration.between(now, until).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private static Long secondsParameter(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String parameter : rawQuery.split("&")) {
            if (parameter.startsWith("seconds=")) {
                String value = parameter.substring("seconds=".length());
                if (!value.matches("[0-9]{1,6}")) {
                    return null;
                }
                long seconds = Long.parseLong(value);
                return seconds <= MAX_OUTAGE_SECONDS ? seconds : null;
            }
        }
        return null;
    }

    private static String field(JsonNode notification, String name) {
        return text(notification.path(name), 100);
    }

    /** A string or number as it reads, "-" for null, "?" for anything else (missing, an object, an array). */
    private static String text(JsonNode value, int maxChars) {
        if (value.isNull()) {
            return "-";
        }
        return value.isValueNode() ? oneLine(value.asString(), maxChars) : "?";
    }

    private static String recipients(JsonNode notification) {
        JsonNode recipients = notification.path("recipients");
        if (!recipients.isArray()) {
            return "?";
        }
        List<String> names = new ArrayList<>();
        for (JsonNode recipient : recipients.values()) {
            names.add(text(recipient, 100));
        }
        return names.toString();
    }

    private static void tooLarge(HttpExchange exchange) throws IOException {
        problem(exchange, 413, "Too large", "A notification may have at most " + MAX_BODY_BYTES + " bytes.");
    }

    private record Received(String key, Instant receivedAt, String signature, JsonNode notification,
            int deliveries) {

        Received deliveredAgain() {
            return new Received(key, receivedAt, signature, notification, deliveries + 1);
        }
    }
}
