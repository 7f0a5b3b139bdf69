package com.caseflow.followup.callbacks.persistence;

import com.caseflow.followup.callbacks.domain.Callback;
import com.caseflow.followup.callbacks.domain.CallbackStatus;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxEntry;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Repository
public class CallbackStore implements InitializingBean {

    private final MongoTemplate mongo;
    private final Outbox outbox;

    public CallbackStore(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(CallbackDocument.COLLECTION);
        indexes.createIndex(new Index().on("state.caseId", Sort.Direction.ASC).named("by_case"));
        indexes.createIndex(new Index().on("state.status", Sort.Direction.ASC)
                .on("state.nextAttemptAt", Sort.Direction.ASC).named("queue"));
        indexes.createIndex(new Index().on("outbox.entryId", Sort.Direction.ASC).sparse().named("outbox_pending"));
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                .named("id_version"));
    }

    /** Queues a callback; false when it exists already (its resolution was seen before). */
    @Retry(name = "mongo")
    public boolean insert(Callback callback) {
        try {
            mongo.insert(new CallbackDocument(callback.id(), 0, callback, List.of(), null));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Retry(name = "mongo")
    public Optional<VersionedCallback> find(String id) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        byId.fields().exclude("outbox");
        return Optional.ofNullable(mongo.findOne(byId, CallbackDocument.class))
                .map(d -> new VersionedCallback(d.state(), d.version()));
    }

    /** @throws OptimisticLockingFailureException when somebody wrote the callback since {@code version} */
    @Retry(name = "mongo")
    public void update(Callback state, long version, List<OutboxEntry> events) {
        Query unchanged = Query.query(Criteria.where("_id").is(state.id()).and("version").is(version));
        Update update = new Update().set("state", state).inc("version", 1);
        if (!events.isEmpty()) {
            update.push(Outbox.ENTRIES).each(events.toArray()).set(Outbox.CLAIM, outbox.claim());
        }
        if (mongo.updateFirst(unchanged, update, CallbackDocument.class).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("callback " + state.id() + " changed since " + version);
        }
        if (!events.isEmpty()) {
            outbox.stored(CallbackDocument.COLLECTION, state.id());
        }
    }

    @Retry(name = "mongo")
    public List<Callback> ofCase(String caseId) {
        Query query = Query.query(Criteria.where("state.caseId").is(caseId))
                .with(Sort.by(Sort.Order.asc("state.resolvedSequence"), Sort.Order.asc("_id")));
        query.fields().exclude("outbox");
        return mongo.find(query, CallbackDocument.class).stream().map(CallbackDocument::state).toList();
    }

    /** Callbacks in a status, the one to call soonest first; {@code dueBy} keeps those to call by then. */
    @Retry(name = "mongo")
    public Page<Callback> queue(CallbackStatus status, Instant dueBy, int page, int size) {
        Criteria criteria = Criteria.where("state.status").is(status.name());
        if (dueBy != null) {
            criteria = criteria.and("state.nextAttemptAt").lte(dueBy);
        }
        PageRequest pageable = PageRequest.of(page, size);
        Query query = Query.query(criteria).with(pageable).with(status == CallbackStatus.QUEUED
                ? Sort.by(Sort.Order.asc("state.nextAttemptAt")) : Sort.by(Sort.Order.desc("state.closedAt")));
        query.fields().exclude("outbox");
        long total = mongo.count(Query.query(criteria), CallbackDocument.class);
        return new PageImpl<>(mongo.find(query, CallbackDocument.class).stream().map(CallbackDocument::state)
                .toList(), pageable, total);
    }
}
