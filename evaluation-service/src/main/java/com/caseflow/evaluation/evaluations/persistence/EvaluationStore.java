package com.caseflow.evaluation.evaluations.persistence;

import com.caseflow.evaluation.evaluations.domain.Decision;
import com.caseflow.events.evaluation.EvaluationPublished;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxEntry;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** Evaluations by subject and period; each written together with the event that announces it (outbox). */
@Repository
public class EvaluationStore implements InitializingBean {

    /** @param decision the manager's decision in force, null when none */
    public record Versioned(EvaluationPublished evaluation, long version, Decision decision) {
    }

    private final MongoTemplate mongo;
    private final Outbox outbox;

    public EvaluationStore(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(EvaluationDocument.COLLECTION);
        indexes.createIndex(new Index().on("periodType", Sort.Direction.ASC).on("from", Sort.Direction.ASC)
                .named("by_period"));
        indexes.createIndex(new Index().on("outbox.entryId", Sort.Direction.ASC).sparse().named("outbox_pending"));
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                .named("id_version"));
    }

    @Retry(name = "mongo")
    public Optional<Versioned> find(String evaluationId) {
        Query byId = Query.query(Criteria.where("_id").is(evaluationId));
        byId.fields().exclude("outbox");
        return Optional.ofNullable(mongo.findOne(byId, EvaluationDocument.class))
                .map(EvaluationStore::versioned);
    }

    /** False when another instance stored this subject's evaluation for the period first. */
    @Retry(name = "mongo")
    public boolean insert(EvaluationPublished evaluation, OutboxEntry event) {
        try {
            mongo.insert(document(evaluation, 0, event));
        } catch (DuplicateKeyException raced) {
            return false;
        }
        outbox.inserted(EvaluationDocument.COLLECTION, evaluation.evaluationId(), List.of(event));
        return true;
    }

    /** @throws OptimisticLockingFailureException when the evaluation was rewritten since {@code version} */
    @Retry(name = "mongo")
    public void replace(EvaluationPublished evaluation, long version, OutboxEntry event) {
        Query unchanged = Query.query(Criteria.where("_id").is(evaluation.evaluationId()).and("version").is(version));
        Update update = new Update().set("evaluation", evaluation).inc("version", 1)
                .push(Outbox.ENTRIES).each(event).set(Outbox.CLAIM, outbox.claim());
        if (mongo.updateFirst(unchanged, update, EvaluationDocument.class).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("evaluation " + evaluation.evaluationId()
                    + " changed since " + version);
        }
        outbox.stored(EvaluationDocument.COLLECTION, evaluation.evaluationId());
    }

    /**
     * Records a manager's decision, and the event announcing it, on the evaluation as it was read.
     *
     * @throws OptimisticLockingFailureException when the evaluation was rewritten or decided since {@code version}
     */
    @Retry(name = "mongo")
    public void decide(String evaluationId, long version, Decision decision, OutboxEntry event) {
        Query unchanged = Query.query(Criteria.where("_id").is(evaluationId).and("version").is(version));
        Update update = new Update().set("decision", decision).inc("version", 1)
                .push(Outbox.ENTRIES).each(event).set(Outbox.CLAIM, outbox.claim());
        if (mongo.updateFirst(unchanged, update, EvaluationDocument.class).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("evaluation " + evaluationId + " changed since " + version);
        }
        outbox.stored(EvaluationDocument.COLLECTION, evaluationId);
    }

    /** The evaluations of one period, with their decisions. */
    @Retry(name = "mongo")
    public List<Versioned> ofPeriod(String periodType, String from) {
        Query query = Query.query(Criteria.where("periodType").is(periodType).and("from").is(from));
        query.fields().exclude("outbox");
        return mongo.find(query, EvaluationDocument.class).stream().map(EvaluationStore::versioned).toList();
    }

    private static Versioned versioned(EvaluationDocument d) {
        return new Versioned(d.evaluation(), d.version(), d.decision());
    }

    private EvaluationDocument document(EvaluationPublished e, long version, OutboxEntry event) {
        return new EvaluationDocument(e.evaluationId(), version, e.periodType(), e.from().toString(), e.subjectType(),
                e.subjectId(), e, List.of(event), outbox.claim(), null);
    }
}
