package com.caseflow.followup.delivery.application;

import com.caseflow.events.webhook.WebhookSignature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * Posts a JSON body to a gateway the way every push of ours goes: signed with {@link WebhookSignature} (timestamp and
 * body) when there is a secret, with the item's id as {@code Idempotency-Key} so that a repeat is dropped, within a
 * timeout; any 2xx is accepted. A failure names only its kind (exception type or HTTP status), never a response body.
 * Resilience (retry, breaker, rate limit) stays on each client, under its own instance name.
 */
public final class SignedJsonPoster {

    private final JsonMapper json;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient http;
    private final Function<String, ? extends RuntimeException> failure;

    /** @param failure the client's own exception for a failure of the given kind */
    public SignedJsonPoster(JsonMapper json, Clock clock, Duration timeout,
                            Function<String, ? extends RuntimeException> failure) {
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
        this.failure = failure;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** @param secret blank or null: sent unsigned */
    public void post(URI target, String secret, String idempotencyKey, Object payload) {
        byte[] body = json.writeValueAsBytes(payload);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null && !secret.isBlank()) {
            long timestamp = clock.instant().getEpochSecond();
            request.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body));
        }
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw failure.apply(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure.apply("interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw failure.apply("HTTP " + response.statusCode());
        }
    }
}
