package com.caseflow.events.sealing;

import com.caseflow.events.Sealed;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys a service seals and opens {@link Sealed} event fields with: AES-256-GCM, a fresh 96-bit nonce per value, the
 * field's name as associated data (a value moved to another field does not open). A sealed value reads
 * {@code sealed:v1:<key id>:<base64(nonce | ciphertext and tag)>}. Several keys may be held for rotation: values
 * sealed under an older key id still open while {@link #current} seals new ones. A keyring without keys (evaluation)
 * opens nothing: the fields read as null.
 */
public final class Keyring {

    /** The context attribute the event writer and reader carry this keyring under. */
    public static final Object ATTRIBUTE = Keyring.class;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String current;

    private Keyring(Map<String, SecretKey> keys, String current) {
        this.keys = keys;
        this.current = current;
    }

    /** No keys: seals nothing, and opens every sealed value as null. */
    public static Keyring none() {
        return new Keyring(Map.of(), null);
    }

    /**
     * Keys by id, each the base64 of 32 random bytes (a blank one is left out); {@code current} (may be null for a service that only reads)
     * names the one new values are sealed with. Refuses, naming the key id but never the key, a malformed key or id
     * and a current id without a key.
     */
    public static Keyring of(Map<String, String> base64Keys, String current) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        base64Keys.forEach((id, encoded) -> {
            if (encoded == null || encoded.isBlank()) {
                return; // a profile that must not hold a key blanks it
            }
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("sealing key id '" + id + "' must be 1-32 letters, digits, - or _");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(encoded.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sealing key " + id + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("sealing key " + id + " must be 32 bytes (AES-256), is "
                        + key.length);
            }
            keys.put(id, new SecretKeySpec(key, "AES"));
        });
        String seal = current == null || current.isBlank() ? null : current.strip();
        if (seal != null && !keys.containsKey(seal)) {
            throw new IllegalArgumentException("no sealing key for the current key id " + seal);
        }
        return new Keyring(Map.copyOf(keys), seal);
    }

    /** Whether this keyring can seal new values. */
    public boolean seals() {
        return current != null;
    }

    /** Whether this keyring holds any key: without one, sealed values read as null rather than as poison. */
    public boolean opens() {
        return !keys.isEmpty();
    }

    public String seal(String field, String plain) {
        if (current == null) {
            throw new IllegalStateException("this service has no sealing key to seal " + field + " with");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(current), nonce, field);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] both = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return Sealed.PREFIX + current + ":" + Base64.getEncoder().encodeToString(both);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JRE", e);
        }
    }

    /**
     * The plain text of a value read from an event: a value without the sealed prefix as it is (written before
     * sealing); a sealed one opened, or empty when this keyring holds no key at all.
     *
     * @throws Unopenable when this keyring holds keys but the value does not open: an unknown key id, a value
     *                    altered or moved from another field. The message never holds the value.
     */
    public Optional<String> open(String field, String value) {
        if (!value.startsWith(Sealed.PREFIX)) {
            return Optional.of(value);
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        String rest = value.substring(Sealed.PREFIX.length());
        int colon = rest.indexOf(':');
        SecretKey key = colon < 0 ? null : keys.get(rest.substring(0, colon));
        if (key == null) {
            throw new Unopenable(field + ": sealed under a key this service does not hold");
        }
        byte[] both;
        try {
            both = Base64.getDecoder().decode(rest.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new Unopenable(field + ": sealed value is not base64");
        }
        if (both.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new Unopenable(field + ": sealed value too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(both, NONCE_BYTES), field);
            byte[] plain = cipher.doFinal(both, NONCE_BYTES, both.length - NONCE_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new Unopenable(field + ": sealed value does not open (altered, or sealed for another field)");
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String field)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "Keyring[keys=" + keys.keySet() + ", current=" + current + "]";
    }

    /** A sealed value that a service holding keys cannot open: the record is poison. */
    public static final class Unopenable extends RuntimeException {

        Unopenable(String message) {
            super(message, null, false, false);
        }
    }
}
