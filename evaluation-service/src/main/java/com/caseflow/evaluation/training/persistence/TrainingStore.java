package com.caseflow.evaluation.training.persistence;

import com.caseflow.evaluation.training.domain.TrainingAssignment;
import com.caseflow.evaluation.training.domain.TrainingStatus;
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

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Training assignments, each written together with the events that announce it (outbox). */
@Repository
public class TrainingStore implements InitializingBean {

    public static final String COLLECTION = TrainingDocument.COLLECTION;

    public record Versioned(TrainingAssignment assignment, long version) {
    }

    private final MongoTemplate mongo;
    private final Outbox outbox;

    public TrainingStore(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("agentId", Sort.Direction.ASC).on("assignedAt", Sort.Direction.DESC)
                .named("by_agent"));
        indexes.createIndex(new Index().on("trainerId", Sort.Direction.ASC).named("by_trainer"));
        indexes.createIndex(new Index().on("outbox.entryId", Sort.Direction.ASC).sparse().named("outbox_pending"));
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                .named("id_version"));
    }

    /** False when the assignment exists already: the evaluation that calls for it was seen before. */
    @Retry(name = "mongo")
    public boolean insert(TrainingAssignment a, OutboxEntry event) {
        try {
            mongo.insert(new TrainingDocument(a.id(), 0, a.agentId(), a.trainerId(), a.status().name(),
                    a.assignedAt(), a, List.of(event), outbox.claim()));
        } catch (DuplicateKeyException before) {
            return false;
        }
        outbox.inserted(COLLECTION, a.id(), List.of(event));
        return true;
    }

    @Retry(name = "mongo")
    public Optional<Versioned> find(String id) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        byId.fields().exclude(Outbox.ENTRIES);
        return Optional.ofNullable(mongo.findOne(byId, TrainingDocument.class))
                .map(d -> new Versioned(d.state(), d.version()));
    }

    /** Those of {@code ids} that exist. */
    @Retry(name = "mongo")
    public List<TrainingAssignment> findAll(java.util.Collection<String> ids) {
        Query byIds = Query.query(Criteria.where("_id").in(ids));
        byIds.fields().exclude(Outbox.ENTRIES);
        return mongo.find(byIds, TrainingDocument.class).stream().map(TrainingDocument::state).toList();
    }

    /** @throws OptimisticLockingFailureException when the assignment was rewritten since {@code version} */
    @Retry(name = "mongo")
    public Versioned update(TrainingAssignment a, long version, OutboxEntry event) {
        Query unchanged = Query.query(Criteria.where("_id").is(a.id()).and("version").is(version));
        Update update = new Update().set("state", a).set("status", a.status().name()).inc("version", 1)
                .push(Outbox.ENTRIES).each(event).set(Outbox.CLAIM, outbox.claim());
        if (mongo.updateFirst(unchanged, update, TrainingDocument.class).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("training " + a.id() + " changed since " + version);
        }
        outbox.stored(COLLECTION, a.id());
        return new Versioned(a, version + 1);
    }

    /**
     * Assignments, the latest first: of {@code agentIds} or trained by {@code trainerId} (both null: everyone's),
     * narrowed to one agent and one status when given.
     */
    @Retry(name = "mongo")
    public Page<Versioned> page(Set<String> agentIds, String trainerId, String agentId, TrainingStatus status,
                                int page, int size) {
        Criteria criteria = new Criteria();
        if (agentIds != null || trainerId != null) {
            criteria = new Criteria().orOperator(Criteria.where("agentId").in(agentIds == null ? Set.of() : agentIds),
                    Criteria.where("trainerId").is(trainerId));
        }
        List<Criteria> narrowing = new java.util.ArrayList<>();
        if (agentId != null) {
            narrowing.add(Criteria.where("agentId").is(agentId));
        }
        if (status != null) {
            narrowing.add(Criteria.where("status").is(status.name()));
        }
        if (!narrowing.isEmpty()) {
            narrowing.add(criteria);
            criteria = new Criteria().andOperator(narrowing);
        }
        PageRequest pageable = PageRequest.of(page, size);
        long total = mongo.count(Query.query(criteria), TrainingDocument.class);
        Query query = Query.query(criteria).with(pageable)
                .with(Sort.by(Sort.Order.desc("assignedAt"), Sort.Order.asc("_id")));
        query.fields().exclude(Outbox.ENTRIES);
        return new PageImpl<>(mongo.find(query, TrainingDocument.class).stream()
                .map(d -> new Versioned(d.state(), d.version())).toList(), pageable, total);
    }
}
