package com.caseflow.support.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * HMAC-SHA256 of a text under a secret key, in hex. Phone numbers are few enough that a plain hash of one is
 * reversed by trying them all; without the key, this one is not.
 */
public final class KeyedHash {

    private final SecretKeySpec key;

    public KeyedHash(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a keyed hash needs a secret key");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
