package com.caseflow.support.webhook;

import com.caseflow.events.webhook.WebhookSignature;
import io.github.resilience4j.retry.annotation.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Checks that a pushed request comes from the system that shares our secret (shared-events' {@link WebhookSignature}):
 * signed, within the window, and not taken before. The signatures taken are kept in a MongoDB collection of the
 * service's choosing, whose primary key makes "seen before?" and "remember it" one atomic write on every instance at
 * once; a TTL index forgets each when it could no longer pass the window anyway. Without a secret nothing is accepted.
 * <p>
 * One instance per kind of push (its own collection, secret and window), made by {@link SignedRequestsFactory} and
 * declared as a bean so that {@code @Retry(name = "mongo")} applies.
 */
public class SignedRequests {

    private static final Logger log = LoggerFactory.getLogger(SignedRequests.class);

    /** Why a request is refused, or {@code ACCEPTED}. */
    public enum Verdict {
        ACCEPTED, NO_SECRET, UNSIGNED, MALFORMED, STALE, FORGED, REPLAYED;

        public boolean accepted() {
            return this == ACCEPTED;
        }
    }

    record Taken(String id, Instant expiresAt) {
    }

    static final String TTL_INDEX = "forget_when_stale";
    private static final String EXPIRES_AT = "expiresAt";

    private final MongoTemplate mongo;
    private final String collection;
    private final String secret;
    private final Duration window;
    private final Clock clock;

    /**
     * @param collection where the signatures taken are kept (one per kind of push)
     * @param secret     the shared HMAC secret; blank or null refuses every request
     * @param window     how far a signature's timestamp may be from our clock
     */
    public SignedRequests(MongoTemplate mongo, String collection, String secret, Duration window, Clock clock) {
        this.mongo = Objects.requireNonNull(mongo);
        this.collection = Objects.requireNonNull(collection);
        this.secret = secret == null ? "" : secret;
        this.window = Objects.requireNonNull(window);
        this.clock = Objects.requireNonNull(clock);
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the signature window must be positive, was " + window);
        }
        ensureTtlIndex();
        if (this.secret.isBlank()) {
            log.warn("No secret for the signed requests kept in {}: every one will be refused with 401", collection);
        }
    }

    // A TTL index on expiresAt made under another name (follow-up's was "expires") is kept: MongoDB refuses the same
    // keys again under a new name.
    private void ensureTtlIndex() {
        IndexOperations indexes = mongo.indexOps(collection);
        boolean present = indexes.getIndexInfo().stream().anyMatch(index -> index.getIndexFields().size() == 1
                && EXPIRES_AT.equals(index.getIndexFields().get(0).getKey()) && index.getExpireAfter().isPresent());
        if (!present) {
            indexes.createIndex(new Index().on(EXPIRES_AT, Sort.Direction.ASC).expire(Duration.ZERO).named(TTL_INDEX));
        }
    }

    public boolean hasSecret() {
        return !secret.isBlank();
    }

    public Duration window() {
        return window;
    }

    /** Checks a request and, when it passes, takes its signature for the window: the same request again fails. */
    @Retry(name = "mongo")
    public Verdict check(String timestamp, String signature, byte[] body) {
        if (secret.isBlank()) {
            return Verdict.NO_SECRET;
        }
        Instant now = clock.instant();
        switch (WebhookSignature.verify(secret, timestamp, signature, body == null ? new byte[0] : body, now,
                window)) {
            case UNSIGNED:
                return Verdict.UNSIGNED;
            case MALFORMED:
                return Verdict.MALFORMED;
            case STALE:
                return Verdict.STALE;
            case FORGED:
                return Verdict.FORGED;
            default:
                break;
        }
        // a timestamp may lead our clock by the window, so its signature is kept for twice the window
        try {
            mongo.insert(new Taken(WebhookSignature.replayKey(signature), now.plus(window.multipliedBy(2))),
                    collection);
            return Verdict.ACCEPTED;
        } catch (DuplicateKeyException replay) {
            return Verdict.REPLAYED;
        }
    }

    /** Forgets an accepted signature whose request failed on our side, so that the sender can retry it as it was. */
    @Retry(name = "mongo")
    public void release(String signature) {
        if (signature == null || signature.isBlank()) {
            return;
        }
        mongo.remove(Query.query(Criteria.where("_id").is(WebhookSignature.replayKey(signature))), collection);
    }
}
