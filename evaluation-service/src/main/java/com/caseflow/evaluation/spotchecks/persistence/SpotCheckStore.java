package com.caseflow.evaluation.spotchecks.persistence;

import com.caseflow.evaluation.spotchecks.domain.Sample;
import com.caseflow.events.evaluation.SpotCheckRecorded;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxClaim;
import com.caseflow.support.outbox.OutboxEntry;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recorded spot-checks, each stored with its pending {@code SpotCheckRecorded} in one insert: the check and its event
 * are one atomic write, and the relay publishes the event from the document. The id ({@code spotCheckId}) makes a
 * second review of the same contact in the same sample collide.
 */
@Repository
public class SpotCheckStore implements InitializingBean {

    public static final String COLLECTION = "spot_checks";

    @Document(COLLECTION)
    record SpotCheckDocument(@Id String id, String sampleId, String stratum, String contactId, String caseId,
                             String agentId, String day, String scorecardVersion, Map<String, Integer> ratings,
                             int maxRating, List<String> criticalFailures, double score, String comment,
                             String reviewedBy, Instant reviewedAt, List<OutboxEntry> outbox,
                             OutboxClaim outboxClaim) {

        SpotCheckRecorded check() {
            return new SpotCheckRecorded(id, sampleId, stratum, contactId, caseId, agentId, LocalDate.parse(day),
                    scorecardVersion, ratings, maxRating, criticalFailures, score, comment, reviewedBy, reviewedAt);
        }
    }

    private final MongoTemplate mongo;
    private final Outbox outbox;

    public SpotCheckStore(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("agentId", Sort.Direction.ASC).on("day", Sort.Direction.ASC)
                .named("by_agent_day"));
        indexes.createIndex(new Index().on("sampleId", Sort.Direction.ASC).named("by_sample"));
        indexes.createIndex(new Index().on("outbox.entryId", Sort.Direction.ASC).sparse().named("outbox_pending"));
    }

    /**
     * Stores the check and its event in one write and hands the event to the relay.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the check exists already
     */
    @Retry(name = "mongo")
    public void insert(SpotCheckRecorded c, OutboxEntry event) {
        mongo.insert(new SpotCheckDocument(c.spotCheckId(), c.sampleId(), c.stratum(), c.contactId(), c.caseId(),
                c.agentId(), c.contactDay().toString(), c.scorecardVersion(), c.ratings(), c.maxRating(),
                c.criticalFailures(), c.score(), c.comment(), c.reviewedBy(), c.reviewedAt(), List.of(event),
                outbox.claim()));
        outbox.inserted(COLLECTION, c.spotCheckId(), List.of(event));
    }

    @Retry(name = "mongo")
    public boolean exists(String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), SpotCheckDocument.class);
    }

    @Retry(name = "mongo")
    public Optional<SpotCheckRecorded> find(String id) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        byId.fields().exclude(Outbox.ENTRIES);
        return Optional.ofNullable(mongo.findOne(byId, SpotCheckDocument.class)).map(SpotCheckDocument::check);
    }

    /** Contact id → check id, of those of the contacts that were checked, in whichever sample or outside any. */
    @Retry(name = "mongo")
    public Map<String, String> reviewed(Collection<String> contactIds) {
        Query query = Query.query(Criteria.where("_id").in(contactIds.stream().map(Sample::spotCheckId).toList()));
        query.fields().include("_id").include("contactId");
        return mongo.find(query, org.bson.Document.class, COLLECTION).stream()
                .collect(Collectors.toMap(d -> d.getString("contactId"), d -> d.getString("_id"), (a, b) -> a));
    }

    /**
     * Checks of contacts of a period (by the contact's day), of the given agents or of everyone when null, newest
     * review first.
     */
    @Retry(name = "mongo")
    public Page<SpotCheckRecorded> of(Set<String> agentIds, LocalDate from, LocalDate to, int page, int size) {
        Criteria criteria = Criteria.where("day").gte(from.toString()).lte(to.toString());
        if (agentIds != null) {
            criteria = criteria.and("agentId").in(agentIds);
        }
        PageRequest pageable = PageRequest.of(page, size);
        long total = mongo.count(Query.query(criteria), SpotCheckDocument.class);
        Query query = Query.query(criteria).with(pageable)
                .with(Sort.by(Sort.Order.desc("reviewedAt"), Sort.Order.asc("_id")));
        query.fields().exclude(Outbox.ENTRIES);
        return new PageImpl<>(mongo.find(query, SpotCheckDocument.class).stream().map(SpotCheckDocument::check)
                .toList(), pageable, total);
    }
}
