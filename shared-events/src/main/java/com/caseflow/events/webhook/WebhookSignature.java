package com.caseflow.events.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * How the systems around CaseFlow sign what they push to it (the phone platform's call events, the SMS gateway's
 * replies) and how CaseFlow checks it: {@value #TIMESTAMP_HEADER} carries the Unix time in seconds,
 * {@value #SIGNATURE_HEADER} carries {@code sha256=} and the hex HMAC-SHA256 of {@code timestamp + "." + body} under
 * the shared secret. A signature older or newer than the window is refused, so a captured request cannot be replayed
 * later; within the window the receiver remembers the signatures it took ({@link #replayKey}).
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-CaseFlow-Timestamp";
    public static final String SIGNATURE_HEADER = "X-CaseFlow-Signature";
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    private static final String PREFIX = "sha256=";

    /** Why a request was refused; {@code VALID} when it was not. */
    public enum Verdict { VALID, UNSIGNED, MALFORMED, STALE, FORGED }

    private WebhookSignature() {
    }

    /** The value of {@value #SIGNATURE_HEADER} for a body sent at {@code timestamp}. */
    public static String sign(String secret, long timestamp, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    public static Verdict verify(String secret, String timestampHeader, String signatureHeader, byte[] body,
                                 Instant now, Duration window) {
        if (timestampHeader == null || signatureHeader == null || timestampHeader.isBlank()
                || signatureHeader.isBlank()) {
            return Verdict.UNSIGNED;
        }
        long timestamp;
        byte[] given;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
            if (!signatureHeader.startsWith(PREFIX)) {
                return Verdict.MALFORMED;
            }
            given = HexFormat.of().parseHex(signatureHeader.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Verdict.MALFORMED;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > window.toSeconds()) {
            return Verdict.STALE;
        }
        return MessageDigest.isEqual(given, mac(secret, timestamp, body)) ? Verdict.VALID : Verdict.FORGED;
    }

    /** What a receiver remembers, for the window, of each request it took: the same request twice is a replay. */
    public static String replayKey(String signatureHeader) {
        return signatureHeader.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static byte[] mac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
