package com.caseflow.followup.notifications.application;

import com.caseflow.followup.delivery.application.SignedJsonPoster;
import com.caseflow.followup.notifications.domain.Notification;
import com.caseflow.support.webhook.WebhookPolicy;
import com.caseflow.support.webhook.WebhookPolicyViolation;
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

    /** @throws WebhookPolicyViolation an http gateway or no signing secret outside the local stack */
    public WebhookClient(NotificationProperties properties, WebhookPolicy policy, JsonMapper json, Clock clock) {
        policy.checkTarget("caseflow.followup.notifications.webhook (CASEFLOW_WEBHOOK_URL)",
                properties.webhook().toString());
        policy.checkSecret("caseflow.followup.notifications.secret (CASEFLOW_WEBHOOK_SECRET)", properties.secret());
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
