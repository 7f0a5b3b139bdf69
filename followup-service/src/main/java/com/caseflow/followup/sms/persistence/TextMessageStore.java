package com.caseflow.followup.sms.persistence;

import com.caseflow.followup.delivery.persistence.DeliveryDocument;
import com.caseflow.followup.delivery.persistence.DeliveryStore;
import com.caseflow.followup.sms.domain.SmsStatus;
import com.caseflow.followup.sms.domain.SmsTemplate;
import com.caseflow.followup.sms.domain.TextMessage;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

/** Text messages to customers, before and after they were sent; due while open (pending, held or failed). */
@Repository
public class TextMessageStore extends DeliveryStore<TextMessage, TextMessageStore.TextMessageDocument> {

    public static final String COLLECTION = "sms_messages";

    @Document(COLLECTION)
    record TextMessageDocument(@Id String id, long version, TextMessage state, Instant due)
            implements DeliveryDocument<TextMessage> {
    }

    public TextMessageStore(MongoTemplate mongo) {
        super(mongo, TextMessageDocument.class);
    }

    @Override
    protected TextMessageDocument document(TextMessage message, Instant due) {
        return new TextMessageDocument(message.id(), 0, message, due);
    }

    @Override
    protected String idOf(TextMessage message) {
        return message.id();
    }

    @Override
    protected Instant dueOf(TextMessage message) {
        return message.open() ? message.nextAttemptAt() : null;
    }

    @Override
    public void afterPropertiesSet() {
        super.afterPropertiesSet();
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.to", Sort.Direction.ASC)
                .on("state.template", Sort.Direction.ASC).on("state.createdAt", Sort.Direction.DESC)
                .named("by_number"));
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
