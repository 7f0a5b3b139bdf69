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
    private final WebhookPolicy policy;

    public SignedRequestsFactory(MongoTemplate mongo, Clock clock, WebhookPolicy policy) {
        this.mongo = mongo;
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * Checks against {@code secret} within {@code window}; keeps the signatures taken in {@code collection}.
     *
     * @param secretProperty names the secret's property and variable in the start-up failure when signing is required
     *                       ({@link WebhookPolicy#requireSignature()}) and the secret is blank; locally a blank secret
     *                       only refuses every request
     * @throws WebhookPolicyViolation a blank secret where signing is required
     */
    public SignedRequests create(String collection, String secretProperty, String secret, Duration window) {
        policy.checkSecret(secretProperty, secret);
        return new SignedRequests(mongo, collection, secret, window, clock);
    }
}
