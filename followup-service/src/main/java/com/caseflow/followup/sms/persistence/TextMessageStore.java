package com.caseflow.followup.sms.persistence;

import com.caseflow.followup.sms.domain.SmsStatus;
import com.caseflow.followup.sms.domain.SmsTemplate;
import com.caseflow.followup.sms.domain.TextMessage;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Text messages to customers, before and after they were sent. {@code due} is the moment the dispatcher next looks at
 * one (null once settled): it reads only that field, as the notifications' dispatcher does.
 */
@Repository
public class TextMessageStore implements InitializingBean {

    public static final String COLLECTION = "sms_messages";

    @Document(COLLECTION)
    record TextMessageDocument(@Id String id, long version, TextMessage state, Instant due) {
    }

    /** A message with the version it was read at and when it is next due (null once settled). */
    public record VersionedMessage(TextMessage state, long version, Instant due) {
    }

    private final MongoTemplate mongo;

    public TextMessageStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("due", Sort.Direction.ASC).sparse().named("due"));
        indexes.createIndex(new Index().on("state.caseId", Sort.Direction.ASC).named("by_case"));
        indexes.createIndex(new Index().on("state.to", Sort.Direction.ASC).on("state.template", Sort.Direction.ASC)
                .on("state.createdAt", Sort.Direction.DESC).named("by_number"));
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                .named("id_version"));
    }

    /** False when a message with this id exists: the event it answers was seen before. */
    @Retry(name = "mongo")
    public boolean insert(TextMessage message) {
        try {
            mongo.insert(new TextMessageDocument(message.id(), 0, message,
                    message.open() ? message.nextAttemptAt() : null));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Retry(name = "mongo")
    public Optional<VersionedMessage> find(String id) {
        return Optional.ofNullable(mongo.findById(id, TextMessageDocument.class))
                .map(d -> new VersionedMessage(d.state(), d.version(), d.due()));
    }

    @Retry(name = "mongo")
    public List<String> dueIds(Instant now, int limit) {
        Query due = Query.query(Criteria.where("due").lte(now)).with(Sort.by(Sort.Order.asc("due"))).limit(limit);
        due.fields().include("_id");
        return mongo.find(due, org.bson.Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    /** Writes the new state if nobody wrote since {@code version}; false when somebody did. */
    @Retry(name = "mongo")
    public boolean update(TextMessage state, long version) {
        Query unchanged = Query.query(Criteria.where("_id").is(state.id()).and("version").is(version));
        Update update = new Update().set("state", state).set("due", state.open() ? state.nextAttemptAt() : null)
                .inc("version", 1);
        return mongo.updateFirst(unchanged, update, TextMessageDocument.class).getMatchedCount() == 1;
    }

    /** Holds a due message for {@code until} so that no other instance sends it meanwhile. */
    @Retry(name = "mongo")
    public boolean hold(String id, long version, Instant until) {
        Query unchanged = Query.query(Criteria.where("_id").is(id).and("version").is(version));
        Update update = new Update().set("due", until).inc("version", 1);
        return mongo.updateFirst(unchanged, update, TextMessageDocument.class).getMatchedCount() == 1;
    }

    /** The messages of a template sent to a number, newest first. */
    @Retry(name = "mongo")
    public List<TextMessage> sentTo(String number, SmsTemplate template) {
        Query query = Query.query(Criteria.where("state.to").is(number).and("state.template").is(template.name())
                .and("state.status").is(SmsStatus.SENT.name())).with(Sort.by(Sort.Order.desc("state.createdAt")));
        return mongo.find(query, TextMessageDocument.class).stream().map(TextMessageDocument::state).toList();
    }

    @Retry(name = "mongo")
    public List<TextMessage> ofCase(String caseId) {
        Query query = Query.query(Criteria.where("state.caseId").is(caseId))
                .with(Sort.by(Sort.Order.asc("state.createdAt")));
        return mongo.find(query, TextMessageDocument.class).stream().map(TextMessageDocument::state).toList();
    }

    /** How many messages wait for a gateway (or for their next try). */
    @Retry(name = "mongo")
    public long waiting() {
        return mongo.count(Query.query(Criteria.where("due").ne(null)), TextMessageDocument.class);
    }
}
