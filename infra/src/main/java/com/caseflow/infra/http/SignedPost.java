package com.caseflow.infra.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.caseflow.events.webhook.WebhookSignature;
import tools.jackson.databind.JsonNode;

/**
 * POSTs a JSON body signed the way CaseFlow's receivers check it ({@link WebhookSignature}), as the phone platform and
 * the SMS gateway do: each attempt signed afresh, with a later timestamp than the one before (a receiver refuses a
 * signature it has taken before, and the timestamp counts whole seconds), a failed
 * attempt — no connection, a timeout, 5xx or 429, e.g. while a service restarts — tried again after a pause; any
 * other answer is final.
 */
public final class SignedPost {

    /** Pauses before the second, third and fourth attempts: about 7 s in all, what a service restart on 2 cores takes. */
    public static final List<Duration> DEFAULT_PAUSES = List.of(Duration.ofMillis(500), Duration.ofMillis(1500),
            Duration.ofSeconds(5));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String secret;
    private final Clock clock;
    private final List<Duration> pauses;

    public SignedPost(String secret, Clock clock, List<Duration> pauses) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a signing secret is needed");
        }
        this.secret = secret;
        this.clock = clock;
        this.pauses = List.copyOf(pauses);
    }

    /**
     * What the receiver answered last, or the reason no attempt reached it.
     *
     * @param status   the HTTP status, 0 when nothing answered
     * @param title    the problem's title, or why nothing answered: what a log line may say
     * @param detail   the problem's detail: for whoever asked, never for the log (it may repeat what was sent)
     * @param attempts how many attempts were made
     */
    public record Outcome(int status, String title, String detail, int attempts) {

        public boolean accepted() {
            return status >= 200 && status < 300;
        }

        /** "202", "401 Unauthorized" or "no answer (connection refused)", for a log line. */
        public String describe() {
            return status == 0 ? "no answer (" + title + ")"
                    : status + (title == null ? "" : " " + JsonExchange.oneLine(title, 120));
        }
    }

    /** Blocks until accepted, answered finally, or out of attempts; interrupted: the outcome so far. */
    public Outcome post(URI url, byte[] body, String idempotencyKey) {
        return post(url, body, idempotencyKey, pauses.size() + 1);
    }

    /** As {@link #post(URI, byte[], String)}, with at most {@code maxAttempts} attempts. */
    public Outcome post(URI url, byte[] body, String idempotencyKey, int maxAttempts) {
        Outcome outcome;
        long lastTimestamp = Long.MIN_VALUE;
        for (int attempt = 1; ; attempt++) {
            // The same body in the same second would carry the same signature, which a receiver refuses as a replay.
            long timestamp = Math.max(clock.instant().getEpochSecond(), lastTimestamp + 1);
            lastTimestamp = timestamp;
            outcome = attempt(url, body, idempotencyKey, attempt, timestamp);
            boolean retriable = outcome.status() == 0 || outcome.status() == 429 || outcome.status() >= 500;
            if (!retriable || attempt >= maxAttempts || attempt > pauses.size()) {
                return outcome;
            }
            try {
                Thread.sleep(pauses.get(attempt - 1).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return outcome;
            }
        }
    }

    private Outcome attempt(URI url, byte[] body, String idempotencyKey, int attempt, long timestamp) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode problem = problem(response);
            return new Outcome(response.statusCode(), problem == null ? null : JsonExchange.text(problem, "title"),
                    problem == null ? null : JsonExchange.text(problem, "detail"), attempt);
        } catch (HttpTimeoutException e) {
            return new Outcome(0, "timed out", null, attempt);
        } catch (IOException e) {
            return new Outcome(0, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + JsonExchange.oneLine(e.getMessage(), 120)), null, attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, "interrupted", null, attempt);
        }
    }

    private static JsonNode problem(HttpResponse<byte[]> response) {
        if (response.statusCode() < 400 || response.body().length == 0) {
            return null;
        }
        try {
            JsonNode problem = JsonExchange.JSON.readTree(response.body());
            return problem != null && problem.isObject() ? problem : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
