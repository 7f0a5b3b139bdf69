package com.caseflow.intake.calls.application;

import com.caseflow.events.webhook.WebhookSignature;
import com.caseflow.intake.calls.persistence.SignatureLedger;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class PhoneSignaturesTests {

    private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));
    private static final byte[] BODY = "{\"eventId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

    private final SignatureLedger ledger = mock(SignatureLedger.class);

    @Test
    void whenNoSecretIsConfiguredThenEvenACorrectlySignedEventIsRefused() {
        PhoneSignatures signatures = new PhoneSignatures(new PhoneProperties(" ", null, null), ledger, CLOCK);

        assertThat(signatures.check(String.valueOf(NOW.getEpochSecond()),
                WebhookSignature.sign(" ", NOW.getEpochSecond(), BODY), BODY))
                .isEqualTo(PhoneSignatures.Check.NO_SECRET);
        verifyNoInteractions(ledger);
    }

    @Test
    void whenTheSignatureWasTakenBeforeThenReplayedElseAcceptedAndRememberedForTwiceTheWindow() {
        PhoneSignatures signatures = new PhoneSignatures(new PhoneProperties("s3cret", Duration.ofMinutes(5), null),
                ledger, CLOCK);
        String signature = WebhookSignature.sign("s3cret", NOW.getEpochSecond(), BODY);
        when(ledger.take(anyString(), any())).thenReturn(true, false);

        assertThat(signatures.check(String.valueOf(NOW.getEpochSecond()), signature, BODY))
                .isEqualTo(PhoneSignatures.Check.ACCEPTED);
        assertThat(signatures.check(String.valueOf(NOW.getEpochSecond()), signature, BODY))
                .isEqualTo(PhoneSignatures.Check.REPLAYED);
        org.mockito.Mockito.verify(ledger, org.mockito.Mockito.times(2))
                .take(WebhookSignature.replayKey(signature), NOW.plus(Duration.ofMinutes(10)));
    }
}
