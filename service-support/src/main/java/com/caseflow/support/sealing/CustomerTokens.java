package com.caseflow.support.sealing;

import com.caseflow.events.contact.Phones;
import com.caseflow.support.crypto.KeyedHash;

import java.util.Optional;

/**
 * The customer's token on events ({@code customerToken}): a keyed hash of the normalised phone number under
 * {@code caseflow.events.customer-token-secret}. Consumers without the number (evaluation, the fault suite) count and
 * match customers by it; without the secret it cannot be turned back into a number by trying them all.
 */
public final class CustomerTokens {

    private final KeyedHash hash;

    public CustomerTokens(String secret) {
        this.hash = new KeyedHash(secret);
    }

    /** The token of a number as typed or as normalised; empty for no number or one that is not a phone number. */
    public Optional<String> of(String phone) {
        return phone == null ? Optional.empty() : Phones.normalised(phone).map(n -> "ct1-" + hash.of(n));
    }
}
