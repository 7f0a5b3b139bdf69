package com.caseflow.routing.cases.persistence;

import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The latest case of each customer + project + category, looked up by id so that the repeat check is one read. The
 * key is a keyed hash: the customer's number is not stored here, nor can it be found by hashing every number.
 */
@Repository
public class RepeatIndex {

    /** @param scheme {@link #KEYED} for a keyed hash; absent for the plain hashes of earlier versions */
    @Document("repeat_keys")
    public record Entry(@Id String key, String caseId, Instant lastContactAt, String scheme) {
    }

    public static final String KEYED = "hmac-sha256";

    private final MongoTemplate mongo;

    public RepeatIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Retry(name = "mongo")
    public Optional<Entry> find(String key) {
        return Optional.ofNullable(mongo.findById(key, Entry.class));
    }

    @Retry(name = "mongo")
    public void remember(String key, String caseId, Instant contactAt) {
        mongo.upsert(Query.query(Criteria.where("_id").is(key)),
                new Update().set("caseId", caseId).max("lastContactAt", contactAt).set("scheme", KEYED), Entry.class);
    }

    /** Entries under the plain hashes of earlier versions, a batch at a time. */
    @Retry(name = "mongo")
    public List<Entry> legacy(int limit) {
        return mongo.find(Query.query(Criteria.where("scheme").exists(false)).limit(limit), Entry.class);
    }

    /** Files a legacy entry under its keyed hash (null: drops it) and removes it from under the plain one. */
    @Retry(name = "mongo")
    public void rekey(Entry legacy, String keyedKey) {
        if (keyedKey != null) {
            remember(keyedKey, legacy.caseId(), legacy.lastContactAt());
        }
        mongo.remove(Query.query(Criteria.where("_id").is(legacy.key()).and("scheme").exists(false)), Entry.class);
    }
}
