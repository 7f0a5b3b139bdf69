package com.caseflow.followup.sms.persistence;

import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;

/**
 * The signatures of the gateway's requests taken within the signature window: the same signed request twice is a
 * replay. MongoDB forgets each once it expires (TTL index); by then the signature is stale anyway.
 */
@Repository
public class ReplayKeyStore implements InitializingBean {

    public static final String COLLECTION = "sms_replay_keys";

    @Document(COLLECTION)
    record ReplayKeyDocument(@Id String key, Instant expiresAt) {
    }

    private final MongoTemplate mongo;

    public ReplayKeyStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                .expire(Duration.ZERO).named("expires"));
    }

    /** False when this key was taken before and has not expired: a replay. */
    @Retry(name = "mongo")
    public boolean take(String key, Instant expiresAt) {
        try {
            mongo.insert(new ReplayKeyDocument(key, expiresAt));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
