package com.caseflow.intake.calls.application;

import com.caseflow.events.webhook.WebhookSignature;
import com.caseflow.intake.calls.persistence.SignatureLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Checks that a call event comes from the phone platform: signed with the shared secret (shared-events'
 * {@link WebhookSignature}), within the window, and not taken before. Without a secret nothing is accepted.
 */
@Component
public class PhoneSignatures {

    private static final Logger log = LoggerFactory.getLogger(PhoneSignatures.class);

    /** Why a call event is refused, or {@code ACCEPTED}. */
    public enum Check { ACCEPTED, NO_SECRET, UNSIGNED, MALFORMED, STALE, FORGED, REPLAYED }

    private final PhoneProperties properties;
    private final SignatureLedger ledger;
    private final Clock clock;

    public PhoneSignatures(PhoneProperties properties, SignatureLedger ledger, Clock clock) {
        this.properties = properties;
        this.ledger = ledger;
        this.clock = clock;
        if (properties.secret().isBlank()) {
            log.warn("caseflow.phone.secret (CASEFLOW_PHONE_SECRET) is not set: every call event of the phone "
                    + "platform will be refused with 401");
        }
    }

    /** Checks a request and, when it passes, remembers its signature for the window: the same request again fails. */
    public Check check(String timestamp, String signature, byte[] body) {
        if (properties.secret().isBlank()) {
            return Check.NO_SECRET;
        }
        WebhookSignature.Verdict verdict = WebhookSignature.verify(properties.secret(), timestamp, signature, body,
                clock.instant(), properties.signatureWindow());
        switch (verdict) {
            case UNSIGNED:
                return Check.UNSIGNED;
            case MALFORMED:
                return Check.MALFORMED;
            case STALE:
                return Check.STALE;
            case FORGED:
                return Check.FORGED;
            default:
                break;
        }
        // a timestamp may lead our clock by the window, so its signature is kept for twice the window
        boolean first = ledger.take(WebhookSignature.replayKey(signature),
                clock.instant().plus(properties.signatureWindow().multipliedBy(2)));
        return first ? Check.ACCEPTED : Check.REPLAYED;
    }

    /** Forgets an accepted signature whose request failed on our side, so that the platform can retry it as it was. */
    public void release(String signature) {
        ledger.release(WebhookSignature.replayKey(signature));
    }
}
