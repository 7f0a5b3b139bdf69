package com.caseflow.intake.calls.persistence;

import com.caseflow.intake.calls.domain.Call;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxEntry;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@Repository
public class CallStore implements InitializingBean {

    private final MongoTemplate mongo;
    private final Outbox outbox;

    public CallStore(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** A call, the version it was read at and the platform's event ids applied to it. */
    public record StoredCall(Call call, long version, Set<String> eventIds) {
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(CallDocument.COLLECTION);
        indexes.createIndex(new Index().on("outbox.entryId", Sort.Direction.ASC).sparse().named("outbox_pending"));
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                .named("id_version"));
    }

    @Retry(name = "mongo")
    public Optional<StoredCall> find(String callId) {
        Query byId = Query.query(Criteria.where("_id").is(callId));
        byId.fields().exclude(Outbox.ENTRIES);
        return Optional.ofNullable(mongo.findOne(byId, CallDocument.class))
                .map(d -> new StoredCall(d.call(), d.version(),
                        d.eventIds() == null ? Set.of() : Set.copyOf(d.eventIds())));
    }

    @Retry(name = "mongo")
    public List<Call> findAll(Collection<String> callIds) {
        if (callIds.isEmpty()) {
            return List.of();
        }
        Query byIds = Query.query(Criteria.where("_id").in(callIds));
        byIds.fields().exclude(Outbox.ENTRIES).exclude("eventIds");
        return mongo.find(byIds, CallDocument.class).stream().map(CallDocument::call).toList();
    }

    /**
     * Stores a call seen for the first time with its facts, in one write.
     *
     * @throws org.springframework.dao.DuplicateKeyException when another request stored the call first
     */
    @Retry(name = "mongo")
    public void insert(Call call, String eventId, List<OutboxEntry> facts) {
        mongo.insert(new CallDocument(call.callId(), 0, call, List.of(eventId), facts, outbox.claim()));
        outbox.inserted(CallDocument.COLLECTION, call.callId(), facts);
    }

    /**
     * Stores the call's new state, the event applied and its facts, in one write.
     *
     * @throws OptimisticLockingFailureException when somebody wrote the call since {@code version}
     */
    @Retry(name = "mongo")
    public void update(Call call, long version, String eventId, List<OutboxEntry> facts) {
        Query unchanged = Query.query(Criteria.where("_id").is(call.callId()).and("version").is(version));
        Update update = new Update().set("call", call).inc("version", 1).push("eventIds", eventId);
        if (!facts.isEmpty()) {
            update.push(Outbox.ENTRIES).each(facts.toArray()).set(Outbox.CLAIM, outbox.claim());
        }
        if (mongo.updateFirst(unchanged, update, CallDocument.class).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("call " + call.callId() + " changed since " + version);
        }
        if (!facts.isEmpty()) {
            outbox.stored(CallDocument.COLLECTION, call.callId());
        }
    }
}
