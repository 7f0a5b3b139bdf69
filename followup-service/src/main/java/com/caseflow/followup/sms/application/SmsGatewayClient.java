package com.caseflow.followup.sms.application;

import com.caseflow.followup.delivery.application.SignedJsonPoster;
import com.caseflow.followup.sms.domain.TextMessage;
import com.caseflow.support.webhook.WebhookPolicy;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.ratelimiter.annotation.RateLimiter;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts a text message to the SMS gateway ({@link SignedJsonPoster}: signed as the gateway's replies are, the message
 * id as {@code Idempotency-Key}). As for the notifications' webhook: a couple of quick retries ride out a blip, the
 * circuit breaker spares a gateway that is down (the dispatcher keeps the message and tries later), the rate limiter
 * keeps a burst of resolutions within what the gateway accepts.
 */
@Component
public class SmsGatewayClient {

    private final SmsProperties properties;
    private final SignedJsonPoster poster;

    /** @throws com.caseflow.support.webhook.WebhookPolicyViolation an http gateway outside the local stack */
    public SmsGatewayClient(SmsProperties properties, WebhookPolicy policy, JsonMapper json, Clock clock) {
        policy.checkTarget("caseflow.sms.gateway-url (CASEFLOW_SMS_GATEWAY_URL)", properties.gatewayUrl());
        this.properties = properties;
        this.poster = new SignedJsonPoster(json, clock, properties.timeout(), SmsGatewayException::new);
    }

    @Retry(name = "sms")
    @CircuitBreaker(name = "sms")
    @RateLimiter(name = "sms")
    public void send(TextMessage message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("messageId", message.id());
        payload.put("to", message.to());
        payload.put("text", message.text());
        payload.put("template", message.template().name());
        payload.put("caseId", message.caseId());
        poster.post(properties.gateway(), properties.secret(), message.id(), payload);
    }

    /** The gateway did not accept a message; the message names the failure's kind, never a body or a number. */
    public static class SmsGatewayException extends RuntimeException {
        public SmsGatewayException(String message) {
            super(message);
        }
    }
}
