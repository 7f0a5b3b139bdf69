package com.caseflow.routing.cases.persistence;

import com.caseflow.events.cases.Priority;
import com.caseflow.routing.cases.domain.Case;
import com.caseflow.routing.cases.domain.CaseStatus;
import com.caseflow.routing.cases.domain.HistoryEntry;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxEntry;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

@Repository
public class CaseStore implements InitializingBean {

    /** The normalised number of each contact a case answers (see {@code caller_phone}). */
    static final String CALLER_PHONE = "state.contacts.customer.phone";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final CaseHistoryStore history;
    private final int historyKept;

    /**
     * @param historyKept how many of its newest steps a case keeps in its own document (besides its opening step and
     *                    the latest step of each type); older ones live in {@link CaseHistoryStore}, one per document
     */
    public CaseStore(MongoTemplate mongo, Outbox outbox, CaseHistoryStore history,
                     @Value("${caseflow.routing.cases.history-kept-in-case:50}") int historyKept) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.history = history;
        this.historyKept = Math.max(2, historyKept); // transfer learning reads the step before the latest
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(CaseDocument.COLLECTION);
        indexes.createIndex(new Index().on("state.departmentCode", Sort.Direction.ASC)
                .on("state.status", Sort.Direction.ASC).on("state.openedAt", Sort.Direction.DESC).named("queue"));
        indexes.createIndex(new Index().on("outbox.entryId", Sort.Direction.ASC).sparse().named("outbox_pending"));
        // a caller's cases, newest first: every contact of a case carries its caller's number (the opening one the
        // customer's), so one multikey index answers "cases of this number" for customers and attached callers alike
        indexes.createIndex(new Index().on(CALLER_PHONE, Sort.Direction.ASC).on("state.openedAt", Sort.Direction.DESC)
                .named("caller_phone"));
        // unique anyway (_id is); it lets the embedded store of the local stack answer the optimistic-locking
        // update {_id, version} from an index instead of scanning every case
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                .named("id_version"));
    }

    /**
     * Stores a new case with its first events; false when a case with this id exists already (a redelivered
     * contact: case ids derive from contact ids).
     */
    @Retry(name = "mongo")
    public boolean insert(Case state, List<OutboxEntry> events) {
        try {
            mongo.insert(new CaseDocument(state.id(), 0, state, state.priority().ordinal(), events,
                    outbox.claim()));
        } catch (DuplicateKeyException e) {
            // the case exists: a replay, or a retried insert whose first try landed; publish what it still has
            outbox.stored(CaseDocument.COLLECTION, state.id());
            return false;
        }
        outbox.inserted(CaseDocument.COLLECTION, state.id(), events);
        return true;
    }

    @Retry(name = "mongo")
    public Optional<VersionedCase> find(String id) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        byId.fields().exclude("outbox");
        return Optional.ofNullable(mongo.findOne(byId, CaseDocument.class))
                .map(d -> new VersionedCase(d.state(), d.version()));
    }

    /**
     * Writes the case's new state and appends its events to the outbox, if nobody wrote since {@code version}. Steps
     * the case no longer keeps are stored in the history store first: they were stored with the case at
     * {@code version} already, so whether this write wins or loses a race, each step is readable in one place or
     * both, and never in a version the case did not hold.
     *
     * @param storedSequence the case's sequence as read at {@code version}, before the step
     * @throws OptimisticLockingFailureException when somebody did
     */
    @Retry(name = "mongo")
    public void update(Case state, long version, long storedSequence, List<OutboxEntry> events) {
        history.store(state.id(), state.spillHistory(historyKept, storedSequence));
        Query unchanged = Query.query(Criteria.where("_id").is(state.id()).and("version").is(version));
        Update update = new Update().set("state", state).set("priorityRank", state.priority().ordinal())
                .inc("version", 1)
                .push(Outbox.ENTRIES).each(events.toArray())
                .set(Outbox.CLAIM, outbox.claim());
        if (mongo.updateFirst(unchanged, update, CaseDocument.class).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("case " + state.id() + " changed since version " + version);
        }
        outbox.stored(CaseDocument.COLLECTION, state.id());
    }

    /**
     * Steps {@code from} to {@code to} (1-based, inclusive) of a case as read: from the case where it keeps them, else
     * from the history store. Steps are numbered without gaps, so the range is the page.
     */
    public List<HistoryEntry> history(Case state, long from, long to) {
        long last = Math.min(to, state.historyCount());
        if (from > last) {
            return List.of();
        }
        Map<Long, HistoryEntry> steps = new TreeMap<>();
        state.history().stream().filter(e -> e.sequence() >= from && e.sequence() <= last)
                .forEach(e -> steps.put(e.sequence(), e));
        if (steps.size() < last - from + 1) {
            history.between(state.id(), from, last).forEach(e -> steps.putIfAbsent(e.sequence(), e));
        }
        return List.copyOf(steps.values());
    }

    /**
     * Whether the case holds {@code maxPending} or more events its relay has not handed to the broker yet: while the
     * broker is away every step waits in the case's own document, so the steps staff may add then are capped.
     */
    @Retry(name = "mongo")
    public boolean backlogged(String caseId, int maxPending) {
        return mongo.exists(Query.query(Criteria.where("_id").is(caseId)
                .and(Outbox.ENTRIES + "." + (maxPending - 1)).exists(true)), CaseDocument.class);
    }

    /** What a department's queue query asks for. */
    public record QueueQuery(String departmentCode, List<CaseStatus> statuses, Priority priority,
                             Boolean overdue, boolean urgentFirst, int page, int size) {
    }

    @Retry(name = "mongo")
    public Page<Case> queue(QueueQuery q, Instant now) {
        Criteria criteria = Criteria.where("state.departmentCode").is(q.departmentCode())
                .and("state.status").in(q.statuses().stream().map(Enum::name).toList());
        if (q.priority() != null) {
            criteria = criteria.and("state.priority").is(q.priority().name());
        }
        if (q.overdue() != null) {
            Criteria overdue = overdue(now);
            criteria = q.overdue() ? new Criteria().andOperator(criteria, overdue)
                    : new Criteria().andOperator(criteria, new Criteria().norOperator(overdue));
        }
        Sort sort = q.urgentFirst()
                ? Sort.by(Sort.Order.desc("priorityRank"), Sort.Order.asc("state.deadlines.resolutionDue"))
                : Sort.by(Sort.Order.desc("state.openedAt"));
        PageRequest pageable = PageRequest.of(q.page(), q.size(), sort);
        Query query = Query.query(criteria);
        query.fields().exclude("outbox").exclude("state.history");
        long total = mongo.count(Query.query(criteria), CaseDocument.class);
        List<Case> cases = mongo.find(query.with(pageable), CaseDocument.class).stream()
                .map(CaseDocument::state).toList();
        return new PageImpl<>(cases, pageable, total);
    }

    /** Overdue: not yet accepted past the first-response deadline, or past the resolution deadline. */
    private static Criteria overdue(Instant now) {
        return new Criteria().orOperator(
                Criteria.where("state.status").is(CaseStatus.OPEN.name())
                        .and("state.deadlines.firstResponseDue").lt(now),
                Criteria.where("state.deadlines.resolutionDue").lt(now));
    }

    /** A department's cases of the given statuses, and how many of them are overdue. */
    public record DepartmentCount(String departmentCode, long cases, long overdue) {
    }

    /**
     * Every department's cases of these statuses and the overdue ones among them, as the department's queue counts
     * them ({@link #queue} with and without {@code overdue}): two passes over the cases, whatever the number of
     * departments. Departments without such cases are left out.
     */
    @Retry(name = "mongo")
    public List<DepartmentCount> countByDepartment(List<CaseStatus> statuses, Instant now) {
        Criteria ofStatus = Criteria.where("state.status").in(statuses.stream().map(Enum::name).toList());
        Map<String, Long> all = countByDepartment(ofStatus);
        Map<String, Long> overdue = countByDepartment(new Criteria().andOperator(ofStatus, overdue(now)));
        return all.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new DepartmentCount(e.getKey(), e.getValue(), overdue.getOrDefault(e.getKey(), 0L)))
                .toList();
    }

    private Map<String, Long> countByDepartment(Criteria criteria) {
        Aggregation count = Aggregation.newAggregation(Aggregation.match(criteria),
                Aggregation.group("state.departmentCode").count().as("cases"));
        Map<String, Long> counts = new HashMap<>();
        mongo.aggregate(count, CaseDocument.COLLECTION, org.bson.Document.class).getMappedResults()
                .forEach(d -> counts.put(String.valueOf(d.get("_id")), ((Number) d.get("cases")).longValue()));
        return counts;
    }

    /**
     * The cases a number called about, newest first: those it opened and those it joined (a repeat or a caller of a
     * mass incident), of any status unless {@code statuses} names some. Only what a listing shows is read.
     */
    @Retry(name = "mongo")
    public Page<Case> ofCaller(String normalisedPhone, List<CaseStatus> statuses, int page, int size) {
        Criteria criteria = Criteria.where(CALLER_PHONE).is(normalisedPhone);
        if (!statuses.isEmpty()) {
            criteria = criteria.and("state.status").in(statuses.stream().map(Enum::name).toList());
        }
        PageRequest pageable = PageRequest.of(page, size,
                Sort.by(Sort.Order.desc("state.openedAt"), Sort.Order.desc("_id")));
        Query query = Query.query(criteria);
        query.fields().exclude("outbox");
        long total = mongo.count(Query.query(criteria), CaseDocument.class);
        List<Case> cases = mongo.find(query.with(pageable), CaseDocument.class).stream()
                .map(CaseDocument::state).toList();
        return new PageImpl<>(cases, pageable, total);
    }

    /** A routing rule of one version, and how many cases it routed. */
    public record RuleCount(String ruleId, long ruleVersion, long cases) {
    }

    /** How many cases each rule of each version routed, of the cases opened since then. */
    @Retry(name = "mongo")
    public List<RuleCount> routedByRule(Instant since) {
        Aggregation count = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("state.openedAt").gte(since)),
                Aggregation.group("state.ruleId", "state.ruleVersion").count().as("cases"));
        return mongo.aggregate(count, CaseDocument.COLLECTION, org.bson.Document.class).getMappedResults().stream()
                .map(d -> {
                    org.bson.Document id = d.get("_id", org.bson.Document.class);
                    return new RuleCount(id.getString("ruleId"), ((Number) id.get("ruleVersion")).longValue(),
                            ((Number) d.get("cases")).longValue());
                })
                .toList();
    }

    /** How many of the cases one rule of one version routed since then carry each matched keyword. */
    @Retry(name = "mongo")
    public Map<String, Long> routedByKeyword(String ruleId, long ruleVersion, Instant since) {
        Aggregation count = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("state.openedAt").gte(since).and("state.ruleId").is(ruleId)
                        .and("state.ruleVersion").is(ruleVersion)),
                Aggregation.unwind("state.matchedKeywords"),
                Aggregation.group("state.matchedKeywords").count().as("cases"));
        Map<String, Long> counts = new HashMap<>();
        mongo.aggregate(count, CaseDocument.COLLECTION, org.bson.Document.class).getMappedResults()
                .forEach(d -> counts.put(String.valueOf(d.get("_id")), ((Number) d.get("cases")).longValue()));
        return counts;
    }
}
