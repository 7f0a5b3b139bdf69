package com.caseflow.support.webhook;

import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * Makes the {@link SignedRequests} of each kind of push a service takes. A service declares each as a bean of its own
 * ({@code @Bean SignedRequests phoneSignatures(SignedRequestsFactory f, …)}), so two kinds never clash.
 */
public class SignedRequestsFactory {

    private final MongoTemplate mongo;
    private final Clock clock;

    public SignedRequestsFactory(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Checks against {@code secret} within {@code window}; keeps the signatures taken in {@code collection}. */
    public SignedRequests create(String collection, String secret, Duration window) {
        return new SignedRequests(mongo, collection, secret, window, clock);
    }
}
