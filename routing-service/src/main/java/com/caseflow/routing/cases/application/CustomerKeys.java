package com.caseflow.routing.cases.application;

import com.caseflow.support.crypto.KeyedHash;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The keys under which routing finds a customer's open case and counts the customers of an incident without storing
 * their numbers: a keyed hash ({@code caseflow.routing.customer-key-secret}), since a plain hash of a phone
 * number is reversed by hashing every number there is.
 */
@Component
public class CustomerKeys {

    private final KeyedHash hash;

    public CustomerKeys(@Value("${caseflow.routing.customer-key-secret}") String secret) {
        this.hash = new KeyedHash(secret);
    }

    public String repeatKey(String phone, String projectCode, String category) {
        return hash.of(phone + "|" + projectCode + "|" + category);
    }

    public String customerKey(String phone) {
        return hash.of(phone);
    }

    /** The plain SHA-256 keys of earlier versions, read once to move what they index to the keyed ones. */
    static String legacyRepeatKey(String phone, String projectCode, String category) {
        return legacy(phone + "|" + projectCode + "|" + category);
    }

    static String legacyCustomerKey(String phone) {
        return legacy(phone);
    }

    private static String legacy(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
