package com.caseflow.support.testing;

import com.caseflow.support.sealing.CustomerTokens;
import com.caseflow.events.sealing.Keyring;

import java.util.Map;

/**
 * The keys of sealed event fields and customer tokens as the services' local defaults hold them (their
 * application.yml): what tests write events with, and read them back with, as intake, routing and follow-up do.
 */
public final class TestKeys {

    /** {@code caseflow.events.sealing.keys.local} of intake, routing and follow-up when nothing else is given. */
    public static final String LOCAL_SEALING_KEY = "bG9jYWwtb25seS1ldmVudC1zZWFsaW5nLWtleS0zMmI=";
    /** {@code caseflow.events.customer-token-secret} of intake and routing when nothing else is given. */
    public static final String LOCAL_TOKEN_SECRET = "local-only-customer-token";

    public static Keyring keyring() {
        return Keyring.of(Map.of("local", LOCAL_SEALING_KEY), "local");
    }

    public static CustomerTokens customerTokens() {
        return new CustomerTokens(LOCAL_TOKEN_SECRET);
    }

    private TestKeys() {
    }
}
