package com.caseflow.intake.calls.persistence;

import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;

/**
 * The signatures of the phone platform's requests taken within the replay window: the same signed request twice is a
 * replay. The store forgets each one when it could no longer pass the window anyway (a TTL index); the primary key
 * makes "seen before?" and "remember it" one atomic write, on every instance at once.
 */
@Repository
public class SignatureLedger implements InitializingBean {

    static final String COLLECTION = "phone_signatures";

    private final MongoTemplate mongo;

    public SignatureLedger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Taken(String id, Instant expiresAt) {
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                .expire(Duration.ZERO).named("forget_when_stale"));
    }

    /** Remembers a signature until {@code forgetAt}; false when it was taken before (a replay). */
    @Retry(name = "mongo")
    public boolean take(String replayKey, Instant forgetAt) {
        try {
            mongo.insert(new Taken(replayKey, forgetAt), COLLECTION);
            return true;
        } catch (DuplicateKeyException replay) {
            return false;
        }
    }

    /** Forgets a signature whose request failed on our side, so that the platform may send it again. */
    @Retry(name = "mongo")
    public void release(String replayKey) {
        mongo.remove(Query.query(Criteria.where("_id").is(replayKey)), COLLECTION);
    }
}
