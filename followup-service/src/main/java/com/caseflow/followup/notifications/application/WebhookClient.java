package com.caseflow.followup.notifications.application;

import com.caseflow.events.webhook.WebhookSignature;
import com.caseflow.followup.notifications.domain.Notification;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.ratelimiter.annotation.RateLimiter;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts a notification to the company's gateway. A few quick retries ride out a blip; the circuit breaker stops
 * hammering a gateway that is down (the dispatcher keeps the notification and tries later); the rate limiter keeps a
 * burst of escalations within what the gateway accepts.
 */
@Component
public class WebhookClient {

    private final NotificationProperties properties;
    private final JsonMapper json;
    private final HttpClient http;
    private final Clock clock;

    public WebhookClient(NotificationProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @Retry(name = "webhook")
    @CircuitBreaker(name = "webhook")
    @RateLimiter(name = "webhook")
    public void deliver(Notification notification) {
        byte[] body = json.writeValueAsBytes(payload(notification));
        HttpRequest.Builder request = HttpRequest.newBuilder(properties.webhook())
                .timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", notification.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (properties.secret() != null && !properties.secret().isBlank()) {
            long timestamp = clock.instant().getEpochSecond();
            request.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(properties.secret(), timestamp, body));
        }
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new WebhookException(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookException("interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new WebhookException("HTTP " + response.statusCode());
        }
    }

    private static Map<String, Object> payload(Notification n) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", n.id());
        payload.put("kind", n.kind());
        payload.put("caseId", n.caseId());
        payload.put("departmentCode", n.departmentCode());
        payload.put("projectCode", n.projectCode());
        payload.put("level", n.level());
        payload.put("role", n.role());
        payload.put("recipients", n.recipients());
        payload.put("text", n.text());
        payload.put("createdAt", n.createdAt().toString());
        return payload;
    }

    /** The gateway did not accept a notification; the message names the failure's kind, never a response body. */
    public static class WebhookException extends RuntimeException {
        public WebhookException(String message) {
            super(message);
        }
    }
}
