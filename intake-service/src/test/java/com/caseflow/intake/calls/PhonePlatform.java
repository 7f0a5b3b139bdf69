package com.caseflow.intake.calls;

import com.caseflow.events.webhook.WebhookSignature;
import com.caseflow.support.testing.Api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** The phone platform as intake's tests play it: call events in the generic format, signed as the platform signs. */
final class PhonePlatform {

    static final String SECRET = "test-phone-secret";
    static final String EVENTS = "/api/v1/phone/events";

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    private final Api api;
    private final int port;

    PhonePlatform(int port) {
        this.api = new Api(port, null);
        this.port = port;
    }

    /** Any bytes, any media type (null: none), signed now over exactly those bytes. */
    Api.Response sendSignedBytes(String contentType, byte[] body) {
        long now = Instant.now().getEpochSecond();
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + EVENTS))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(now))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, now, body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            java.net.http.HttpResponse<String> response = HTTP.send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A call event's body; null values are left out. */
    static String event(String eventId, String type, String callId, String agentId, String toAgentId,
                        Instant occurredAt, String recordingUrl) {
        StringBuilder json = new StringBuilder("{\"eventId\":\"" + eventId + "\",\"type\":\"" + type
                + "\",\"callId\":\"" + callId + "\",\"hotline\":\"400-820-8820\",\"caller\":\"138 1234 5678\"");
        if (agentId != null) {
            json.append(",\"agentId\":\"").append(agentId).append('"');
        }
        if (toAgentId != null) {
            json.append(",\"toAgentId\":\"").append(toAgentId).append('"');
        }
        json.append(",\"occurredAt\":\"").append(occurredAt).append('"');
        if (recordingUrl != null) {
            json.append(",\"recordingUrl\":\"").append(recordingUrl).append('"');
        }
        return json.append('}').toString();
    }

    static String event(String type, String callId, String agentId, Instant occurredAt) {
        return event(UUID.randomUUID().toString(), type, callId, agentId, null, occurredAt, null);
    }

    /** Posts the body signed now with the platform's secret. */
    Api.Response send(String body) {
        return sendSigned(body, Instant.now().getEpochSecond(), SECRET);
    }

    Api.Response sendSigned(String body, long timestamp, String secret) {
        String signature = WebhookSignature.sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
        return api.post(EVENTS, body, WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp),
                WebhookSignature.SIGNATURE_HEADER, signature);
    }

    /** Posts with exactly these headers (name, value, …). */
    Api.Response sendWith(String body, String... headers) {
        return api.post(EVENTS, body, headers);
    }
}
