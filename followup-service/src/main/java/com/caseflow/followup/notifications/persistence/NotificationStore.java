package com.caseflow.followup.notifications.persistence;

import com.caseflow.followup.delivery.persistence.DeliveryDocument;
import com.caseflow.followup.delivery.persistence.DeliveryStore;
import com.caseflow.followup.notifications.domain.Notification;
import com.caseflow.followup.notifications.domain.NotificationStatus;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

/**
 * Notifications until the gateway and the robots accepted them, and after (their status can be queried). Besides the
 * delivery store's operations, a channel's delivery is recorded while the notification stays held.
 */
@Repository
public class NotificationStore extends DeliveryStore<Notification, NotificationStore.NotificationDocument> {

    static final String COLLECTION = "notifications";

    @Document(COLLECTION)
    record NotificationDocument(@Id String id, long version, Notification state, Instant due)
            implements DeliveryDocument<Notification> {
    }

    /** A notification with the version it was read at and when it is next due (null once delivered). */
    public record VersionedNotification(Notification state, long version, Instant due) {
    }

    public NotificationStore(MongoTemplate mongo) {
        super(mongo, NotificationDocument.class);
    }

    @Override
    protected NotificationDocument document(Notification notification, Instant due) {
        return new NotificationDocument(notification.id(), 0, notification, due);
    }

    @Override
    protected String idOf(Notification notification) {
        return notification.id();
    }

    @Override
    protected Instant dueOf(Notification notification) {
        return notification.nextAttemptAt();
    }

    public Optional<VersionedNotification> find(String id) {
        return versioned(id).map(v -> new VersionedNotification(v.state(), v.version(), v.due()));
    }

    /** Records a channel's delivery while the notification is held: its hold (the due time) stays as it is. */
    @Retry(name = "mongo")
    public boolean progress(Notification state, long version) {
        Update update = new Update().set("state", state).inc("version", 1);
        return mongo.updateFirst(unchanged(state.id(), version), update, NotificationDocument.class)
                .getMatchedCount() == 1;
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
