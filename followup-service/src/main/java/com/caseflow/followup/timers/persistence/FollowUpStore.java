package com.caseflow.followup.timers.persistence;

import com.caseflow.followup.timers.domain.CaseStatus;
import com.caseflow.followup.timers.domain.FollowedCase;
import com.caseflow.followup.timers.domain.NumberedEntry;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxEntry;
import io.github.resilience4j.retry.annotation.Retry;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

@Repository
public class FollowUpStore implements InitializingBean {

    /** Sweeps in a row that failed to fire a case's timers; absent once it is written again. */
    static final String SWEEP_FAILURES = "sweepFailures";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final FollowUpHistoryStore history;
    private final int timelineKept;

    /**
     * @param timelineKept how many of its newest timeline entries a case keeps in its own document (besides its first
     *                     one); older ones live in {@link FollowUpHistoryStore}, one per document
     */
    public FollowUpStore(MongoTemplate mongo, Outbox outbox, FollowUpHistoryStore history,
                         @Value("${caseflow.followup.timeline-kept-in-case:50}") int timelineKept) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.history = history;
        this.timelineKept = Math.max(1, timelineKept);
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(FollowUpDocument.COLLECTION);
        indexes.createIndex(new Index().on("nextDueAt", Sort.Direction.ASC).sparse().named("timers_due"));
        indexes.createIndex(new Index().on("state.departmentCode", Sort.Direction.ASC)
                .on("state.status", Sort.Direction.ASC).named("department_active"));
        indexes.createIndex(new Index().on("outbox.entryId", Sort.Direction.ASC).sparse().named("outbox_pending"));
        // unique anyway (_id is); lets the embedded store of the local stack answer the optimistic-locking update
        // {_id, version} from an index instead of scanning every case
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                .named("id_version"));
    }

    /**
     * Stores a newly routed case with the events its routing raised; false when it is known already (a redelivered
     * or replayed {@code CaseRouted}: its events were stored the first time).
     */
    @Retry(name = "mongo")
    public boolean insert(FollowedCase state, List<OutboxEntry> events) {
        try {
            mongo.insert(new FollowUpDocument(state.id(), 0, state, state.nextDueAt().orElse(null),
                    state.earliestOpenDeadline().orElse(null), events, events.isEmpty() ? null : outbox.claim()));
        } catch (DuplicateKeyException e) {
            return false;
        }
        if (!events.isEmpty()) {
            outbox.inserted(FollowUpDocument.COLLECTION, state.id(), events);
        }
        return true;
    }

    @Retry(name = "mongo")
    public Optional<VersionedFollowUp> find(String id) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        byId.fields().exclude("outbox");
        return Optional.ofNullable(mongo.findOne(byId, FollowUpDocument.class))
                .map(d -> new VersionedFollowUp(d.state(), d.version()));
    }

    /**
     * Writes the case's new state and appends its events to the outbox, if nobody wrote since {@code version}. What
     * the case no longer keeps (older timeline entries, settled timers of older deadlines) is stored apart first: it
     * was stored with the case at {@code version} already, so whether this write wins or loses a race, each entry is
     * readable in one place or both, and never in a form the case did not hold.
     *
     * @param stored what the case held as read at {@code version}, before the change
     * @throws OptimisticLockingFailureException when somebody did
     */
    @Retry(name = "mongo")
    public void update(FollowedCase state, long version, FollowedCase.Stored stored, List<OutboxEntry> events) {
        FollowedCase.Spilled spilled = state.spillable(timelineKept, stored);
        if (!spilled.isEmpty()) {
            history.store(state.id(), spilled.timeline(), spilled.timers());
            state.drop(spilled); // after it is stored: a retried update finds nothing more to hand on
        }
        Query unchanged = Query.query(Criteria.where("_id").is(state.id()).and("version").is(version));
        Update update = new Update().set("state", state).set("nextDueAt", state.nextDueAt().orElse(null))
                .set("openDueAt", state.earliestOpenDeadline().orElse(null)).unset(SWEEP_FAILURES).inc("version", 1);
        if (!events.isEmpty()) {
            update.push(Outbox.ENTRIES).each(events.toArray()).set(Outbox.CLAIM, outbox.claim());
        }
        if (mongo.updateFirst(unchanged, update, FollowUpDocument.class).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("follow-up " + state.id() + " changed since " + version);
        }
        if (!events.isEmpty()) {
            outbox.stored(FollowUpDocument.COLLECTION, state.id());
        }
    }

    /**
     * Timeline entries {@code from} to {@code to} (1-based, inclusive) of a case as read: from the case where it keeps
     * them, else from the history store. Entries are numbered without gaps, so the range is the page.
     */
    public List<NumberedEntry> timeline(FollowedCase state, long from, long to) {
        long last = Math.min(to, state.timelineCount());
        if (from > last) {
            return List.of();
        }
        Map<Long, NumberedEntry> entries = new TreeMap<>();
        state.numberedTimeline().stream().filter(e -> e.number() >= from && e.number() <= last)
                .forEach(e -> entries.put(e.number(), e));
        if (entries.size() < last - from + 1) {
            history.between(state.id(), from, last).forEach(e -> entries.putIfAbsent(e.number(), e));
        }
        return List.copyOf(entries.values());
    }

    /** A case with a timer due: the version the sweep saw, and how many sweeps in a row failed to fire it. */
    public record Due(String caseId, long version, int failures) {
    }

    /** The cases with a timer due at {@code now}, earliest first. */
    @Retry(name = "mongo")
    public List<Due> due(Instant now, int limit) {
        Query due = Query.query(Criteria.where("nextDueAt").lte(now))
                .with(Sort.by(Sort.Order.asc("nextDueAt"))).limit(limit);
        due.fields().include("_id").include("version").include(SWEEP_FAILURES);
        return mongo.find(due, Document.class, FollowUpDocument.COLLECTION).stream()
                .map(d -> new Due(d.getString("_id"), ((Number) d.get("version")).longValue(),
                        d.get(SWEEP_FAILURES) instanceof Number n ? n.intValue() : 0))
                .toList();
    }

    /**
     * Moves a case whose timers could not be fired out of the sweep's way until {@code retryAt}. Only the field the
     * sweep looks at moves: the case's own timers stay as they are, and its next write puts the field back. A case
     * written since the sweep saw it is left alone (its writer already set the field); false then.
     */
    @Retry(name = "mongo")
    public boolean postpone(Due due, Instant retryAt) {
        Query seen = Query.query(Criteria.where("_id").is(due.caseId()).and("version").is(due.version()));
        Update later = new Update().set("nextDueAt", retryAt).set(SWEEP_FAILURES, due.failures() + 1);
        return mongo.updateFirst(seen, later, FollowUpDocument.COLLECTION).getMatchedCount() == 1;
    }

    /**
     * A department's cases whose deadlines run, the earliest deadline first; {@code overdue} true for those past a
     * deadline, false for those still within all of them, null for both.
     */
    @Retry(name = "mongo")
    public Page<FollowedCase> active(String departmentCode, Boolean overdue, Instant now, int page, int size) {
        Criteria criteria = Criteria.where("state.departmentCode").is(departmentCode)
                .and("state.status").is(CaseStatus.ACTIVE.name());
        if (overdue != null) {
            criteria = overdue ? criteria.and("openDueAt").lt(now) : criteria.and("openDueAt").gte(now);
        }
        PageRequest pageable = PageRequest.of(page, size);
        Query query = Query.query(criteria).with(pageable).with(Sort.by(Sort.Order.asc("openDueAt")));
        query.fields().exclude("outbox").exclude("state.timeline");
        long total = mongo.count(Query.query(criteria), FollowUpDocument.class);
        return new PageImpl<>(mongo.find(query, FollowUpDocument.class).stream().map(FollowUpDocument::state)
                .toList(), pageable, total);
    }
}
