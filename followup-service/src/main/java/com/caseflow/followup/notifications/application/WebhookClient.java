package com.caseflow.followup.notifications.application;

import com.caseflow.followup.delivery.application.SignedJsonPoster;
import com.caseflow.followup.notifications.domain.Notification;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.ratelimiter.annotation.RateLimiter;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts a notification to the company's gateway ({@link SignedJsonPoster}). A few quick retries ride out a blip; the
 * circuit breaker stops hammering a gateway that is down (the dispatcher keeps the notification and tries later); the
 * rate limiter keeps a burst of escalations within what the gateway accepts.
 */
@Component
public class WebhookClient {

    private final NotificationProperties properties;
    private final SignedJsonPoster poster;

    public WebhookClient(NotificationProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.poster = new SignedJsonPoster(json, clock, properties.timeout(), WebhookException::new);
    }

    @Retry(name = "webhook")
    @CircuitBreaker(name = "webhook")
    @RateLimiter(name = "webhook")
    public void deliver(Notification notification) {
        poster.post(properties.webhook(), properties.secret(), notification.id(), payload(notification));
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
