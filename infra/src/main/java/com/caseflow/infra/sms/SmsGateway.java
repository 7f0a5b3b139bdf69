package com.caseflow.infra.sms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.caseflow.events.contact.Phones;
import com.caseflow.events.webhook.WebhookSignature;
import com.caseflow.infra.http.JsonExchange;
import com.caseflow.infra.http.SignedPost;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static com.caseflow.infra.http.JsonExchange.JSON;
import static com.caseflow.infra.http.JsonExchange.problem;
import static com.caseflow.infra.http.JsonExchange.send;

/**
 * Stands in for the SMS gateway on a developer machine: follow-up-service sends its text messages to customers here,
 * and a developer makes "customers" reply.
 *
 * <ul>
 *   <li>{@code POST /sms/messages} {"messageId","to","text","template"?,"caseId"?}, signed ({@link WebhookSignature},
 *       the SMS secret) with an {@code Idempotency-Key}: 202, or 200 for a key received before (kept once); 401 for a
 *       missing, stale or wrong signature, 400 naming each bad field. One log line per new message, the number
 *       masked (138****5678).</li>
 *   <li>{@code GET /sms/messages} — the newest {@value #KEPT}, newest first.</li>
 *   <li>{@code POST /sms/replies} {"from","text"} — the gateway POSTs a signed reply with a fresh replyId to
 *       follow-up ({@code POST /api/v1/sms/replies}) and answers with what follow-up answered.</li>
 * </ul>
 *
 * In memory only: a restart starts with an empty list.
 */
public final class SmsGateway implements AutoCloseable {

    public static final String PATH = "/sms";
    public static final String MESSAGES_PATH = PATH + "/messages";
    static final String REPLIES_PATH = PATH + "/replies";
    /** Where follow-up takes replies when it runs from {@code ./run}. */
    public static final String DEFAULT_REPLIES_URL = "http://127.0.0.1:8083/api/v1/sms/replies";
    static final int KEPT = 200;
    static final int REMEMBERED_KEYS = 10_000;
    static final int MAX_BODY_BYTES = 16 * 1024;
    static final int MAX_REPLY_CHARS = 500;
    private static final int LOGGED_TEXT_CHARS = 200;
    /** Mobile numbers inside a text are masked in the log too. */
    private static final Pattern MOBILE_IN_TEXT = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

    private static final Logger log = LoggerFactory.getLogger(SmsGateway.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final String secret;
    private final URI repliesUrl;
    private final SignedPost post;
    private final Clock clock;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Oldest first; guarded by {@code this}. */
    private final Map<String, Message> kept = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Message> eldest) {
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

    private SmsGateway(HttpServer server, ExecutorService executor, String secret, URI repliesUrl, SignedPost post,
            Clock clock) {
        this.server = server;
        this.executor = executor;
        this.secret = secret;
        this.repliesUrl = repliesUrl;
        this.post = post;
        this.clock = clock;
    }

    /**
     * Listens on 127.0.0.1; port 0 takes any free port (see {@link #port()}).
     *
     * @param secret     the secret follow-up signs with and replies are signed with ({@code CASEFLOW_SMS_SECRET})
     * @param repliesUrl where follow-up takes replies
     */
    public static SmsGateway start(int port, String secret, String repliesUrl) {
        Clock clock = Clock.tickMillis(ZoneOffset.UTC);
        return start(port, secret, repliesUrl, new SignedPost(secret, clock, SignedPost.DEFAULT_PAUSES), clock);
    }

    static SmsGateway start(int port, String secret, String repliesUrl, SignedPost post, Clock clock) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the SMS gateway needs the SMS secret");
        }
        URI url = URI.create(repliesUrl);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "caseflow-sms-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        SmsGateway gateway = new SmsGateway(server, executor, secret, url, post, clock);
        server.createContext(PATH, gateway::handle);
        server.setExecutor(executor);
        server.start();
        return gateway;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Where follow-up sends messages, e.g. {@code http://127.0.0.1:9011/sms/messages}. */
    public String messagesUrl() {
        return "http://127.0.0.1:" + port() + MESSAGES_PATH;
    }

    public URI repliesUrl() {
        return repliesUrl;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "SMS gateway on port " + port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (MESSAGES_PATH.equals(path)) {
                switch (method) {
                    case "POST" -> receive(exchange);
                    case "GET" -> send(exchange, 200, list());
                    default -> JsonExchange.methodNotAllowed(exchange, "GET, POST");
                }
            } else if (REPLIES_PATH.equals(path)) {
                if ("POST".equals(method)) {
                    reply(exchange);
                } else {
                    JsonExchange.methodNotAllowed(exchange, "POST");
                }
            } else {
                problem(exchange, 404, "Not found", "Only " + MESSAGES_PATH + " and " + REPLIES_PATH + " are here.");
            }
        } catch (RuntimeException e) {
            log.warn("The SMS gateway failed on {} {}", exchange.getRequestMethod(),
                    JsonExchange.oneLine(exchange.getRequestURI().getPath(), 200), e);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body = JsonExchange.readBody(exchange, MAX_BODY_BYTES);
        if (body == null) {
            return;
        }
        WebhookSignature.Verdict verdict = WebhookSignature.verify(secret,
                exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), body, clock.instant(),
                WebhookSignature.DEFAULT_WINDOW);
        if (verdict != WebhookSignature.Verdict.VALID) {
            log.info("Refused a message: signature {}", verdict);
            exchange.getResponseHeaders().set("WWW-Authenticate", "CaseFlow-Signature");
            problem(exchange, 401, "Signature " + verdict.name().toLowerCase(java.util.Locale.ROOT),
                    "Sign with the SMS secret: " + WebhookSignature.SIGNATURE_HEADER + ": sha256=HMAC(secret, "
                            + WebhookSignature.TIMESTAMP_HEADER + " + \".\" + body), within "
                            + WebhookSignature.DEFAULT_WINDOW.toMinutes() + " minutes.");
            return;
        }
        if (!JsonExchange.isJson(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            problem(exchange, 415, "Unsupported media type", "Send Content-Type: application/json.");
            return;
        }
        ObjectNode message;
        try {
            message = JSON.readTree(body) instanceof ObjectNode object ? object : null;
        } catch (RuntimeException e) {
            message = null;
        }
        if (message == null) {
            problem(exchange, 400, "Not a JSON object", "The body must be one JSON object.");
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        Map<String, String> errors = new LinkedHashMap<>();
        if (key == null || key.isBlank() || key.length() > 200) {
            errors.put("Idempotency-Key", "required header: the message id");
        }
        if (JsonExchange.text(message, "messageId") == null) {
            errors.put("messageId", "required");
        }
        String to = Phones.normalised(JsonExchange.text(message, "to")).orElse(null);
        if (to == null || !Phones.isMobile(to)) {
            errors.put("to", "a mobile number such as 13812345678");
        }
        if (JsonExchange.text(message, "text") == null) {
            errors.put("text", "required");
        }
        if (!errors.isEmpty()) {
            JsonExchange.badFields(exchange, errors);
            return;
        }
        boolean isNew = store(key.strip(), to, message);
        if (isNew) {
            log.info("SMS {} to {} ({}, case {}): {}", JsonExchange.oneLine(key.strip(), 100), Phones.masked(to),
                    JsonExchange.oneLine(JsonExchange.text(message, "template"), 40),
                    JsonExchange.oneLine(JsonExchange.text(message, "caseId"), 40),
                    masked(JsonExchange.oneLine(JsonExchange.text(message, "text"), LOGGED_TEXT_CHARS)));
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("messageId", JsonExchange.text(message, "messageId"));
        answer.put("duplicate", !isNew);
        send(exchange, isNew ? 202 : 200, answer);
    }

    /** True for a message not received before. */
    private synchronized boolean store(String key, String to, ObjectNode message) {
        Message earlier = kept.get(key);
        if (earlier != null) {
            kept.put(key, earlier.deliveredAgain());
            return false;
        }
        if (rememberedKeys.containsKey(key)) {
            return false;
        }
        rememberedKeys.put(key, Boolean.TRUE);
        kept.put(key, new Message(key, clock.instant(), to, message, 1));
        return true;
    }

    private ArrayNode list() {
        List<Message> newestFirst;
        synchronized (this) {
            newestFirst = new ArrayList<>(kept.values());
        }
        Collections.reverse(newestFirst);
        ArrayNode array = JSON.createArrayNode();
        for (Message message : newestFirst) {
            ObjectNode entry = array.addObject();
            entry.put("idempotencyKey", message.key());
            entry.put("receivedAt", message.receivedAt().toString());
            entry.put("deliveries", message.deliveries());
            entry.put("messageId", JsonExchange.text(message.body(), "messageId"));
            entry.put("to", message.to());
            entry.put("text", JsonExchange.text(message.body(), "text"));
            entry.put("template", JsonExchange.text(message.body(), "template"));
            entry.put("caseId", JsonExchange.text(message.body(), "caseId"));
        }
        return array;
    }

    private void reply(HttpExchange exchange) throws IOException {
        ObjectNode request = JsonExchange.readObject(exchange, MAX_BODY_BYTES, false);
        if (request == null) {
            return;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String from = Phones.normalised(JsonExchange.text(request, "from")).orElse(null);
        if (from == null || !Phones.isMobile(from)) {
            errors.put("from", "a mobile number such as 13812345678");
        }
        String text = JsonExchange.text(request, "text");
        if (text == null || text.length() > MAX_REPLY_CHARS) {
            errors.put("text", "required, at most " + MAX_REPLY_CHARS + " characters");
        }
        if (!errors.isEmpty()) {
            JsonExchange.badFields(exchange, errors);
            return;
        }
        ObjectNode reply = JSON.createObjectNode();
        reply.put("replyId", "R-" + UUID.randomUUID());
        reply.put("from", from);
        reply.put("text", text);
        reply.put("receivedAt", clock.instant().toString());
        SignedPost.Outcome outcome = post.post(repliesUrl, JSON.writeValueAsBytes(reply), null);
        String replyId = reply.path("replyId").asString();
        ObjectNode answer = JSON.createObjectNode();
        answer.put("replyId", replyId);
        answer.put("followupStatus", outcome.status());
        if (outcome.accepted()) {
            log.info("Reply {} from {} handed to follow-up: {}", replyId, Phones.masked(from), outcome.status());
            send(exchange, 202, answer);
            return;
        }
        log.warn("Follow-up did not take reply {} from {} after {} attempt(s): {}", replyId, Phones.masked(from),
                outcome.attempts(), outcome.describe());
        ObjectNode problem = JSON.createObjectNode();
        problem.put("title", "Follow-up did not take the reply");
        problem.put("status", 502);
        problem.put("detail", repliesUrl + ": " + outcome.describe()
                + (outcome.detail() == null ? "" : ": " + outcome.detail()));
        problem.put("replyId", replyId);
        problem.put("followupStatus", outcome.status());
        JsonExchange.write(exchange, 502, "application/problem+json", JSON.writeValueAsBytes(problem));
    }

    /** A text for the log: any mobile number in it masked like the recipient's. */
    static String masked(String text) {
        return MOBILE_IN_TEXT.matcher(text).replaceAll("$1****$2");
    }

    private record Message(String key, Instant receivedAt, String to, ObjectNode body, int deliveries) {

        Message deliveredAgain() {
            return new Message(key, receivedAt, to, body, deliveries + 1);
        }
    }
}
