package com.caseflow.followup.sms.application;

import com.caseflow.events.webhook.WebhookSignature;
import com.caseflow.followup.sms.domain.TextMessage;
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
 * Posts a text message to the SMS gateway, signed as the gateway's replies are ({@link WebhookSignature}), with the
 * message id as {@code Idempotency-Key}. As for the notifications' webhook: a couple of quick retries ride out a
 * blip, the circuit breaker spares a gateway that is down (the dispatcher keeps the message and tries later), the
 * rate limiter keeps a burst of resolutions within what the gateway accepts.
 */
@Component
public class SmsGatewayClient {

    private final SmsProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;

    public SmsGatewayClient(SmsProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
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
        byte[] body = json.writeValueAsBytes(payload);
        HttpRequest.Builder request = HttpRequest.newBuilder(properties.gateway())
                .timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", message.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (properties.signed()) {
            long timestamp = clock.instant().getEpochSecond();
            request.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(properties.secret(), timestamp, body));
        }
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new SmsGatewayException(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsGatewayException("interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new SmsGatewayException("HTTP " + response.statusCode());
        }
    }

    /** The gateway did not accept a message; the message names the failure's kind, never a body or a number. */
    public static class SmsGatewayException extends RuntimeException {
        public SmsGatewayException(String message) {
            super(message);
        }
    }
}
