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
import java.util.Optional;

/**
 * The latest case of each customer + project + category, looked up by id so that the repeat check is one read. The
 * key is a hash: the customer's number is not stored here.
 */
@Repository
public class RepeatIndex {

    @Document("repeat_keys")
    public record Entry(@Id String key, String caseId, Instant lastContactAt) {
    }

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
                new Update().set("caseId", caseId).max("lastContactAt", contactAt), Entry.class);
    }
}
