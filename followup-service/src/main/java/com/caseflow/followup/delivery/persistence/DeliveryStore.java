package com.caseflow.followup.delivery.persistence;

import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Items waiting to be delivered, and after (they can be queried). Each is stored once by its id, written only at the
 * version it was read at, and held for a lease so that one instance sends it. {@code due} is the moment of the next
 * attempt, null once settled: the dispatcher reads only that field.
 *
 * @param <T> the item (a domain record with an id)
 * @param <D> the feature's document record, mapped to the feature's collection
 */
public abstract class DeliveryStore<T, D extends DeliveryDocument<T>> implements InitializingBean {

    protected final MongoTemplate mongo;
    private final Class<D> documentType;

    protected DeliveryStore(MongoTemplate mongo, Class<D> documentType) {
        this.mongo = mongo;
        this.documentType = documentType;
    }

    /** The new document of an item, at version 0. */
    protected abstract D document(T item, Instant due);

    protected abstract String idOf(T item);

    /** When the dispatcher next looks at an item in this state; null once it is settled. */
    protected abstract Instant dueOf(T item);

    protected String collection() {
        return mongo.getCollectionName(documentType);
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(collection());
        indexes.createIndex(new Index().on("due", Sort.Direction.ASC).sparse().named("due"));
        indexes.createIndex(new Index().on("state.caseId", Sort.Direction.ASC).named("by_case"));
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                .named("id_version"));
    }

    /** False when an item with this id exists: the event it answers was seen before. */
    @Retry(name = "mongo")
    public boolean insert(T item) {
        try {
            mongo.insert(document(item, dueOf(item)));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Retry(name = "mongo")
    public Optional<Versioned<T>> versioned(String id) {
        return Optional.ofNullable(mongo.findById(id, documentType))
                .map(d -> new Versioned<>(d.state(), d.version(), d.due()));
    }

    @Retry(name = "mongo")
    public List<String> dueIds(Instant now, int limit) {
        Query due = Query.query(Criteria.where("due").lte(now)).with(Sort.by(Sort.Order.asc("due"))).limit(limit);
        due.fields().include("_id");
        return mongo.find(due, org.bson.Document.class, collection()).stream().map(d -> d.getString("_id")).toList();
    }

    /** Writes the new state if nobody wrote since {@code version}; false when somebody did. */
    @Retry(name = "mongo")
    public boolean update(T state, long version) {
        Update update = new Update().set("state", state).set("due", dueOf(state)).inc("version", 1);
        return mongo.updateFirst(unchanged(idOf(state), version), update, documentType).getMatchedCount() == 1;
    }

    /** Holds a due item for {@code until} so that no other instance sends it meanwhile. */
    @Retry(name = "mongo")
    public boolean hold(String id, long version, Instant until) {
        Update update = new Update().set("due", until).inc("version", 1);
        return mongo.updateFirst(unchanged(id, version), update, documentType).getMatchedCount() == 1;
    }

    protected static Query unchanged(String id, long version) {
        return Query.query(Criteria.where("_id").is(id).and("version").is(version));
    }
}
