package com.caseflow.followup.notifications.persistence;

import com.caseflow.followup.notifications.domain.Notification;
import com.caseflow.followup.notifications.domain.NotificationStatus;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
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

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Notifications until the gateway accepted them, and after (their status can be queried). {@code due} is the moment
 * of the next attempt, null once delivered: the dispatcher reads only that field.
 */
@Repository
public class NotificationStore implements InitializingBean {

    static final String COLLECTION = "notifications";

    @Document(COLLECTION)
    record NotificationDocument(@Id String id, long version, Notification state, Instant due) {
    }

    /** A notification with the version it was read at and when it is next due (null once delivered). */
    public record VersionedNotification(Notification state, long version, Instant due) {
    }

    private final MongoTemplate mongo;

    public NotificationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("due", Sort.Direction.ASC).sparse().named("due"));
        indexes.createIndex(new Index().on("state.caseId", Sort.Direction.ASC).named("by_case"));
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                .named("id_version"));
    }

    /** False when a notification with this id exists: the event it announces was seen before. */
    @Retry(name = "mongo")
    public boolean insert(Notification notification) {
        try {
            mongo.insert(new NotificationDocument(notification.id(), 0, notification, notification.nextAttemptAt()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Retry(name = "mongo")
    public Optional<VersionedNotification> find(String id) {
        return Optional.ofNullable(mongo.findById(id, NotificationDocument.class))
                .map(d -> new VersionedNotification(d.state(), d.version(), d.due()));
    }

    @Retry(name = "mongo")
    public List<String> dueIds(Instant now, int limit) {
        Query due = Query.query(Criteria.where("due").lte(now)).with(Sort.by(Sort.Order.asc("due"))).limit(limit);
        due.fields().include("_id");
        return mongo.find(due, org.bson.Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    /** Writes the new state if nobody wrote since {@code version}; false when somebody did. */
    @Retry(name = "mongo")
    public boolean update(Notification state, long version) {
        Query unchanged = Query.query(Criteria.where("_id").is(state.id()).and("version").is(version));
        Update update = new Update().set("state", state).set("due", state.nextAttemptAt()).inc("version", 1);
        return mongo.updateFirst(unchanged, update, NotificationDocument.class).getMatchedCount() == 1;
    }

    /** Records a channel's delivery while the notification is held: its hold (the due time) stays as it is. */
    @Retry(name = "mongo")
    public boolean progress(Notification state, long version) {
        Query unchanged = Query.query(Criteria.where("_id").is(state.id()).and("version").is(version));
        Update update = new Update().set("state", state).inc("version", 1);
        return mongo.updateFirst(unchanged, update, NotificationDocument.class).getMatchedCount() == 1;
    }

    /** Holds a due notification for {@code until} so that no other instance delivers it meanwhile. */
    @Retry(name = "mongo")
    public boolean hold(String id, long version, Instant until) {
        Query unchanged = Query.query(Criteria.where("_id").is(id).and("version").is(version));
        Update update = new Update().set("due", until).inc("version", 1);
        return mongo.updateFirst(unchanged, update, NotificationDocument.class).getMatchedCount() == 1;
    }

    @Retry(name = "mongo")
    public Page<Notification> list(NotificationStatus status, String caseId, int page, int size) {
        Criteria criteria = new Criteria();
        if (status != null) {
            criteria = criteria.and("state.status").is(status.name());
        }
        if (caseId != null) {
            criteria = criteria.and("state.caseId").is(caseId);
        }
        PageRequest pageable = PageRequest.of(page, size);
        Query query = Query.query(criteria).with(pageable).with(Sort.by(Sort.Order.desc("state.createdAt")));
        long total = mongo.count(Query.query(criteria), NotificationDocument.class);
        return new PageImpl<>(mongo.find(query, NotificationDocument.class).stream()
                .map(NotificationDocument::state).toList(), pageable, total);
    }
}
