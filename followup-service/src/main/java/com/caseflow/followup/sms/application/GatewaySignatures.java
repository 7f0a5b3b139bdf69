package com.caseflow.followup.sms.application;

import com.caseflow.events.webhook.WebhookSignature;
import com.caseflow.followup.sms.persistence.ReplayKeyStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Checks that a request comes from the SMS gateway: signed with the shared secret within the window, and not taken
 * before (its signature is remembered for twice the window, after which it is stale anyway).
 */
@Component
public class GatewaySignatures {

    private final SmsProperties properties;
    private final ReplayKeyStore replayKeys;
    private final Clock clock;

    public GatewaySignatures(SmsProperties properties, ReplayKeyStore replayKeys, Clock clock) {
        this.properties = properties;
        this.replayKeys = replayKeys;
        this.clock = clock;
    }

    /** @throws UnsignedRequestException when the request must be refused */
    public void check(String timestamp, String signature, byte[] body) {
        if (!properties.signed()) {
            throw new UnsignedRequestException("no secret is configured for the SMS gateway: replies are refused");
        }
        Instant now = clock.instant();
        WebhookSignature.Verdict verdict = WebhookSignature.verify(properties.secret(), timestamp, signature, body, now,
                properties.replyWindow());
        if (verdict != WebhookSignature.Verdict.VALID) {
            throw new UnsignedRequestException("the request's signature is " + verdict.name().toLowerCase());
        }
        Instant forgetAt = now.plus(properties.replyWindow().multipliedBy(2));
        if (!replayKeys.take(WebhookSignature.replayKey(signature), forgetAt)) {
            throw new UnsignedRequestException("the request was taken before (a replay)");
        }
    }
}
