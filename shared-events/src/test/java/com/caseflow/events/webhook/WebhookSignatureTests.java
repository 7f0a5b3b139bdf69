package com.caseflow.events.webhook;

import com.caseflow.events.webhook.WebhookSignature.Verdict;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTests {

    private static final String SECRET = "test-secret";
    private static final byte[] BODY = "{\"callId\":\"C1\",\"type\":\"RINGING\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    private static final Duration WINDOW = WebhookSignature.DEFAULT_WINDOW;

    @Test
    void whenSignedWithTheSecretThenItMatchesAKnownVectorAndVerifies() {
        long ts = NOW.getEpochSecond();
        String signature = WebhookSignature.sign(SECRET, ts, BODY);

        // python3 -c 'import hmac,hashlib;print(hmac.new(b"test-secret",b"1796436000."+body,hashlib.sha256).hexdigest())'
        assertThat(signature)
                .isEqualTo("sha256=562b8360f47e1a18fc6fe1ce9f46bd3a08d345a173cebc1b3c3499e3c9fbe1c2");
        assertThat(WebhookSignature.verify(SECRET, Long.toString(ts), signature, BODY, NOW, WINDOW))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void whenTheBodyTheTimeOrTheSecretDifferThenItIsForged() {
        long ts = NOW.getEpochSecond();
        String signature = WebhookSignature.sign(SECRET, ts, BODY);
        byte[] altered = "{\"callId\":\"C2\",\"type\":\"RINGING\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.verify(SECRET, Long.toString(ts), signature, altered, NOW, WINDOW))
                .isEqualTo(Verdict.FORGED);
        assertThat(WebhookSignature.verify(SECRET, Long.toString(ts - 1), signature, BODY, NOW, WINDOW))
                .isEqualTo(Verdict.FORGED);
        assertThat(WebhookSignature.verify("other", Long.toString(ts), signature, BODY, NOW, WINDOW))
                .isEqualTo(Verdict.FORGED);
    }

    @Test
    void whenOutsideTheWindowThenStaleAndWhenMissingOrGarbledThenSaid() {
        long old = NOW.minus(WINDOW).minusSeconds(1).getEpochSecond();
        String signature = WebhookSignature.sign(SECRET, old, BODY);

        assertThat(WebhookSignature.verify(SECRET, Long.toString(old), signature, BODY, NOW, WINDOW))
                .isEqualTo(Verdict.STALE);
        assertThat(WebhookSignature.verify(SECRET, null, signature, BODY, NOW, WINDOW)).isEqualTo(Verdict.UNSIGNED);
        assertThat(WebhookSignature.verify(SECRET, "1", null, BODY, NOW, WINDOW)).isEqualTo(Verdict.UNSIGNED);
        assertThat(WebhookSignature.verify(SECRET, "soon", signature, BODY, NOW, WINDOW))
                .isEqualTo(Verdict.MALFORMED);
        assertThat(WebhookSignature.verify(SECRET, Long.toString(NOW.getEpochSecond()), "sha256=zz", BODY, NOW,
                WINDOW)).isEqualTo(Verdict.MALFORMED);
        assertThat(WebhookSignature.verify(SECRET, Long.toString(NOW.getEpochSecond()), "md5=00", BODY, NOW,
                WINDOW)).isEqualTo(Verdict.MALFORMED);
    }
}
