package com.caseflow.intake.contacts.persistence;

import com.caseflow.intake.contacts.domain.Contact;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxEntry;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
public class ContactStore implements InitializingBean {

    private final MongoTemplate mongo;
    private final Outbox outbox;

    public ContactStore(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(ContactDocument.COLLECTION);
        indexes.createIndex(new Index().on("contact.phone", Sort.Direction.ASC)
                .on("contact.receivedAt", Sort.Direction.DESC).named("history"));
        indexes.createIndex(new Index().on("contact.phone", Sort.Direction.ASC)
                .on("contact.projectCode", Sort.Direction.ASC)
                .on("contact.receivedAt", Sort.Direction.DESC).named("history_by_project"));
        indexes.createIndex(new Index().on("contact.agentId", Sort.Direction.ASC)
                .on("contact.receivedAt", Sort.Direction.DESC).named("agent_day"));
        // the dashboard's drill-down: a period, filtered by project, category, channel or agent, newest first
        indexes.createIndex(new Index().on("contact.receivedAt", Sort.Direction.DESC)
                .on("contact.projectCode", Sort.Direction.ASC)
                .on("contact.category", Sort.Direction.ASC).named("figure"));
        // single-field: few entries are ever pending, and the embedded store of the local stack serves only these
        indexes.createIndex(new Index().on("outbox.entryId", Sort.Direction.ASC).sparse().named("outbox_pending"));
    }

    /**
     * Stores the contact and its pending event in one write, and hands the event to the relay.
     *
     * @throws org.springframework.dao.DuplicateKeyException when a contact with this id exists already
     */
    @Retry(name = "mongo")
    public void insert(Contact contact, String requestFingerprint, OutboxEntry event) {
        mongo.insert(new ContactDocument(contact.id(), contact, requestFingerprint, List.of(event), outbox.claim()));
        outbox.inserted(ContactDocument.COLLECTION, contact.id(), List.of(event));
    }

    /** Asks the relay to publish what the contact still has pending, e.g. after a retried request. */
    public void publishPending(ContactDocument stored) {
        if (stored.outbox() != null && !stored.outbox().isEmpty()) {
            outbox.stored(ContactDocument.COLLECTION, stored.id());
        }
    }

    @Retry(name = "mongo")
    public Optional<ContactDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ContactDocument.class));
    }

    /** A customer's contacts, newest first; optionally only those about one project. */
    @Retry(name = "mongo")
    /** The contacts an agent recorded in [from, to), newest first, at most {@code limit}. */
    public List<Contact> recordedBy(String agentId, java.time.Instant from, java.time.Instant to, int limit) {
        Query query = Query.query(Criteria.where("contact.agentId").is(agentId)
                        .and("contact.receivedAt").gte(from).lt(to))
                .with(Sort.by(Sort.Direction.DESC, "contact.receivedAt")).limit(limit);
        return mongo.find(query, ContactDocument.class).stream().map(ContactDocument::contact).toList();
    }

    public Page<Contact> history(String phone, String projectCode, int page, int size) {
        Criteria criteria = Criteria.where("contact.phone").is(phone);
        if (projectCode != null) {
            criteria = criteria.and("contact.projectCode").is(projectCode);
        }
        PageRequest pageable = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "contact.receivedAt"));
        Query query = Query.query(criteria);
        long total = mongo.count(query, ContactDocument.class);
        List<Contact> contacts = mongo.find(query.with(pageable), ContactDocument.class).stream()
                .map(ContactDocument::contact)
                .toList();
        return new PageImpl<>(contacts, pageable, total);
    }

    /** A figure's filters; null fields do not filter. */
    public record FigureFilter(java.time.Instant from, java.time.Instant to, String projectCode,
                               com.caseflow.events.contact.ContactCategory category,
                               com.caseflow.events.contact.Channel channel, String agentId) {
    }

    /** The contacts received in [from, to) that match the filter, newest first (id breaks ties, so pages hold). */
    @Retry(name = "mongo")
    public Page<Contact> behindFigure(FigureFilter filter, int page, int size) {
        Criteria criteria = Criteria.where("contact.receivedAt").gte(filter.from()).lt(filter.to());
        if (filter.projectCode() != null) {
            criteria = criteria.and("contact.projectCode").is(filter.projectCode());
        }
        if (filter.category() != null) {
            criteria = criteria.and("contact.category").is(filter.category());
        }
        if (filter.channel() != null) {
            criteria = criteria.and("contact.channel").is(filter.channel());
        }
        if (filter.agentId() != null) {
            criteria = criteria.and("contact.agentId").is(filter.agentId());
        }
        PageRequest pageable = PageRequest.of(page, size,
                Sort.by(Sort.Direction.DESC, "contact.receivedAt").and(Sort.by(Sort.Direction.DESC, "_id")));
        Query query = Query.query(criteria);
        long total = mongo.count(query, ContactDocument.class);
        List<Contact> contacts = mongo.find(query.with(pageable), ContactDocument.class).stream()
                .map(ContactDocument::contact)
                .toList();
        return new PageImpl<>(contacts, pageable, total);
    }
}
