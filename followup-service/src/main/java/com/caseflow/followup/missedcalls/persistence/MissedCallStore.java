package com.caseflow.followup.missedcalls.persistence;

import com.caseflow.followup.missedcalls.domain.MissedCallTask;
import com.caseflow.followup.missedcalls.domain.TaskStatus;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Call-back tasks. {@code openCaller} holds the number while the task is open and is absent once it closes: a unique
 * sparse index on it keeps one open task per number, also when two instances see two missed calls of one number at
 * once. {@code remindAt} is the due time while nobody has been reminded, so the overdue look reads an index. A
 * number's latest answered call is kept for {@code caseflow.missed-calls.remember-answers} (TTL index): a miss read
 * after a later answer of its number (another partition, a backlog) still closes as CALLED_AGAIN.
 */
@Repository
public class MissedCallStore implements InitializingBean {

    static final String COLLECTION = "missed_calls";
    static final String ANSWERS = "missed_call_answers";

    @Document(COLLECTION)
    record MissedCallDocument(@Id String id, long version, MissedCallTask state, String openCaller,
                              Instant remindAt) {
    }

    public record VersionedTask(MissedCallTask state, long version) {
    }

    /** The latest answered call of a number, kept for a while (TTL) in case its earlier misses are read after it. */
    @Document(ANSWERS)
    record AnswerDocument(@Id String caller, Instant answeredAt, String agentId) {
    }

    public record Answer(Instant answeredAt, String agentId) {
    }

    private final MongoTemplate mongo;
    private final Duration rememberAnswers;

    public MissedCallStore(MongoTemplate mongo,
                           @Value("${caseflow.missed-calls.remember-answers:PT24H}") Duration rememberAnswers) {
        this.mongo = mongo;
        this.rememberAnswers = rememberAnswers;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("openCaller", Sort.Direction.ASC).unique().sparse().named("open_caller"));
        indexes.createIndex(new Index().on("remindAt", Sort.Direction.ASC).sparse().named("remind_at"));
        indexes.createIndex(new Index().on("state.callIds", Sort.Direction.ASC).named("by_call"));
        indexes.createIndex(new Index().on("state.status", Sort.Direction.ASC).on("state.dueAt", Sort.Direction.ASC)
                .named("queue"));
        mongo.indexOps(ANSWERS).createIndex(new Index().on("answeredAt", Sort.Direction.ASC)
                .expire(rememberAnswers).named("forget"));
    }

    /** Remembers a number's answered call unless a later one is remembered already. */
    @Retry(name = "mongo")
    public void answered(String caller, Instant answeredAt, String agentId) {
        Query older = Query.query(Criteria.where("_id").is(caller).and("answeredAt").lt(answeredAt));
        if (mongo.updateFirst(older, new Update().set("answeredAt", answeredAt).set("agentId", agentId),
                AnswerDocument.class).getMatchedCount() == 1) {
            return;
        }
        try {
            mongo.insert(new AnswerDocument(caller, answeredAt, agentId));
        } catch (DuplicateKeyException laterOrSame) {
            // a later (or this very) answer is remembered: it stands
        }
    }

    @Retry(name = "mongo")
    public Optional<Answer> lastAnswer(String caller) {
        return Optional.ofNullable(mongo.findById(caller, AnswerDocument.class))
                .map(a -> new Answer(a.answeredAt(), a.agentId()));
    }

    /** False when the task exists, or another task is open for the number: read again and join that one. */
    @Retry(name = "mongo")
    public boolean insert(MissedCallTask task) {
        try {
            mongo.insert(new MissedCallDocument(task.id(), 0, task, task.caller(), task.dueAt()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Retry(name = "mongo")
    public Optional<VersionedTask> find(String id) {
        return Optional.ofNullable(mongo.findById(id, MissedCallDocument.class)).map(MissedCallStore::versioned);
    }

    @Retry(name = "mongo")
    public Optional<VersionedTask> openFor(String caller) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("openCaller").is(caller)),
                MissedCallDocument.class)).map(MissedCallStore::versioned);
    }

    /** Whether some task, open or closed, already stands for this call. */
    @Retry(name = "mongo")
    public boolean covers(String callId) {
        return mongo.exists(Query.query(Criteria.where("state.callIds").is(callId)), MissedCallDocument.class);
    }

    /** Writes the new state if nobody wrote since {@code version}; false when somebody did. */
    @Retry(name = "mongo")
    public boolean update(MissedCallTask state, long version) {
        Query unchanged = Query.query(Criteria.where("_id").is(state.id()).and("version").is(version));
        Update update = new Update().set("state", state).inc("version", 1);
        if (state.isOpen()) {
            update.set("openCaller", state.caller());
        } else {
            update.unset("openCaller");
        }
        if (state.isOpen() && state.remindedAt() == null) {
            update.set("remindAt", state.dueAt());
        } else {
            update.unset("remindAt");
        }
        return mongo.updateFirst(unchanged, update, MissedCallDocument.class).getMatchedCount() == 1;
    }

    /** Open tasks past due whose supervisor has not been told yet, the longest overdue first. */
    @Retry(name = "mongo")
    public List<String> overdueUnreminded(Instant now, int limit) {
        Query due = Query.query(Criteria.where("remindAt").lte(now)).with(Sort.by(Sort.Order.asc("remindAt")))
                .limit(limit);
        due.fields().include("_id");
        return mongo.find(due, org.bson.Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    @Retry(name = "mongo")
    public long countOpen() {
        return mongo.count(Query.query(Criteria.where("state.status").is(TaskStatus.OPEN.name())),
                MissedCallDocument.class);
    }

    /** Open tasks the one due soonest first; closed ones the latest closed first. */
    @Retry(name = "mongo")
    public Page<MissedCallTask> list(TaskStatus status, int page, int size) {
        Criteria criteria = Criteria.where("state.status").is(status.name());
        PageRequest pageable = PageRequest.of(page, size);
        Query query = Query.query(criteria).with(pageable).with(status == TaskStatus.OPEN
                ? Sort.by(Sort.Order.asc("state.dueAt"), Sort.Order.asc("_id"))
                : Sort.by(Sort.Order.desc("state.closedAt"), Sort.Order.asc("_id")));
        long total = mongo.count(Query.query(criteria), MissedCallDocument.class);
        return new PageImpl<>(mongo.find(query, MissedCallDocument.class).stream().map(MissedCallDocument::state)
                .toList(), pageable, total);
    }

    private static VersionedTask versioned(MissedCallDocument document) {
        return new VersionedTask(document.state(), document.version());
    }
}
