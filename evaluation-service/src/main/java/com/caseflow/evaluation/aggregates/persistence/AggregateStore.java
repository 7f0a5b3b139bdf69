package com.caseflow.evaluation.aggregates.persistence;

import com.caseflow.evaluation.aggregates.domain.AgentDay;
import com.caseflow.evaluation.aggregates.domain.DepartmentDay;
import com.caseflow.evaluation.aggregates.domain.Folding;
import com.caseflow.evaluation.aggregates.domain.HotlineHour;
import com.caseflow.evaluation.aggregates.domain.ProjectDay;
import com.caseflow.evaluation.aggregates.domain.SourcePosition;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The counters of agents, departments and projects per day and per month, and the events already folded in. An
 * event's counters are added document by document — read, add, write guarded by the document's version and by the
 * position of the event's record ({@link SourcePosition}): each document keeps, per topic partition, the highest
 * position added to it, and the write raises it. Then the event is marked folded. So a record redelivered after a
 * crash anywhere in between is counted once in each document, and an event known as folded is skipped whole (a
 * replay from the earliest offset, or the same call fact under another event id).
 * <p>
 * A consumer that lost its partitions and goes on folding a record it had polled (a "zombie" after a rebalance, or
 * one frozen past its session) works the partition in order from where it started, as the new owner does from the
 * last committed offset: whatever the zombie folds late is at or below the position the documents hold and adds
 * nothing. Kafka fences such a consumer's offset commit, not its writes here; the check is part of the same
 * single-document update as the counters, so no transaction is needed, and a document holds one number per
 * partition however many events it counted (a list of event ids grew with every event and slowed every write).
 * A topic deleted and made again starts its offsets at 0: its positions must then be taken off the documents.
 */
@Repository
public class AggregateStore implements InitializingBean {

    private static final int ATTEMPTS = 8;
    static final String FOLDED = "folded_events";
    /** The same counters summed per calendar month ({@code day} holds the month, e.g. 2026-11). */
    static final String AGENT_MONTHS = "agent_months";
    static final String DEPARTMENT_MONTHS = "department_months";
    static final String HOTLINE_MONTHS = "hotline_months";
    static final String MIGRATIONS = "migrations";
    static final String MONTHS_FILLED = "month-counters-from-days";
    /** Per topic partition, the highest position added to a counter document. */
    static final String MARKS = "marks";
    /** The event ids documents kept before positions; taken off at a document's next write. */
    private static final String LEGACY_APPLIED = "applied";

    @Document(FOLDED)
    record FoldedEvent(@Id String id, Instant foldedAt) {
    }

    private final MongoTemplate mongo;

    public AggregateStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        for (String collection : List.of(AgentDayDocument.COLLECTION, DepartmentDayDocument.COLLECTION,
                ProjectDayDocument.COLLECTION, AGENT_MONTHS, DEPARTMENT_MONTHS, HotlineHourDocument.COLLECTION,
                HOTLINE_MONTHS)) {
            // unique anyway (_id is); kept for stores whose data has it (infra's local store answers by id anyway)
            mongo.indexOps(collection).createIndex(new Index().on("_id", Sort.Direction.ASC)
                    .on("version", Sort.Direction.ASC).unique().named("id_version"));
            mongo.indexOps(collection).createIndex(new Index().on("day", Sort.Direction.ASC).named("by_day"));
        }
        fillMonthsFromDays();
    }

    /**
     * Month documents came after day documents: a store that folded events before them has day documents only, and
     * replays skip those events. Once, before the consumers start, each month without a document gets one summed from
     * its days. (Upgrade one instance first: a month document that new events created meanwhile is left as it is.)
     */
    private void fillMonthsFromDays() {
        Query done = Query.query(Criteria.where("_id").is(MONTHS_FILLED));
        if (mongo.exists(done, MIGRATIONS)) {
            return;
        }
        Query days = new Query();
        days.fields().exclude(MARKS).exclude(LEGACY_APPLIED);
        Map<String, AgentDayDocument> agentMonths = new HashMap<>();
        for (AgentDayDocument d : mongo.find(days, AgentDayDocument.class)) {
            String month = YearMonth.from(LocalDate.parse(d.day())).toString();
            String id = AgentDayDocument.idOf(d.agentId(), month);
            agentMonths.merge(id, new AgentDayDocument(id, 0, d.agentId(), month, d.counters(), Map.of()),
                    (a, b) -> new AgentDayDocument(id, 0, a.agentId(), month, a.counters().plus(b.counters()),
                            Map.of()));
        }
        Map<String, DepartmentDayDocument> departmentMonths = new HashMap<>();
        for (DepartmentDayDocument d : mongo.find(days, DepartmentDayDocument.class)) {
            String month = YearMonth.from(LocalDate.parse(d.day())).toString();
            String id = DepartmentDayDocument.idOf(d.departmentCode(), month);
            departmentMonths.merge(id, new DepartmentDayDocument(id, 0, d.departmentCode(), month, d.counters(),
                    Map.of()), (a, b) -> new DepartmentDayDocument(id, 0, a.departmentCode(), month,
                    a.counters().plus(b.counters()), Map.of()));
        }
        agentMonths.values().forEach(m -> insertIfAbsent(m, AGENT_MONTHS));
        departmentMonths.values().forEach(m -> insertIfAbsent(m, DEPARTMENT_MONTHS));
        try {
            mongo.insert(new org.bson.Document("_id", MONTHS_FILLED), MIGRATIONS);
        } catch (DuplicateKeyException anotherInstance) {
            // filled by an instance that started at the same time
        }
    }

    private void insertIfAbsent(Object month, String collection) {
        try {
            mongo.insert(month, collection);
        } catch (DuplicateKeyException exists) {
            // the month has its document already
        }
    }

    /** A counter document's collection and its day (or month) key. */
    private record Target(String collection, String key) {
    }

    /** Where a day's counters go: its day document and its month document. */
    private static List<Target> dayAndMonth(String days, String months, LocalDate day) {
        return List.of(new Target(days, day.toString()), new Target(months, YearMonth.from(day).toString()));
    }

    /** Whether the event was folded already. */
    @Retry(name = "mongo")
    public boolean folded(String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(eventId)), FoldedEvent.class);
    }

    /** Marks the event folded: a replay, or the same call fact under another event id, skips it whole. */
    @Retry(name = "mongo")
    public void markFolded(String eventId, Instant at) {
        try {
            mongo.insert(new FoldedEvent(eventId, at));
        } catch (DuplicateKeyException alreadyMarked) {
            // a redelivery (or a zombie) that found the event not yet marked and counted nothing twice
        }
    }

    /** Adds to the agent's day and to its month: a monthly report reads one document per agent, not thirty. */
    @Retry(name = "mongo")
    public void addAgent(String agentId, LocalDate day, SourcePosition at, AgentDay add) {
        for (Target target : dayAndMonth(AgentDayDocument.COLLECTION, AGENT_MONTHS, day)) {
            String id = AgentDayDocument.idOf(agentId, target.key());
            add(AgentDayDocument.class, target.collection(), id, at,
                    () -> new AgentDayDocument(id, 0, agentId, target.key(), add, marks(at)),
                    AgentDayDocument::version, d -> d.counters().plus(add));
        }
    }

    @Retry(name = "mongo")
    public void addDepartment(String departmentCode, LocalDate day, SourcePosition at, DepartmentDay add) {
        for (Target target : dayAndMonth(DepartmentDayDocument.COLLECTION, DEPARTMENT_MONTHS, day)) {
            String id = DepartmentDayDocument.idOf(departmentCode, target.key());
            add(DepartmentDayDocument.class, target.collection(), id, at,
                    () -> new DepartmentDayDocument(id, 0, departmentCode, target.key(), add, marks(at)),
                    DepartmentDayDocument::version, d -> d.counters().plus(add));
        }
    }

    @Retry(name = "mongo")
    public void addProject(String projectCode, LocalDate day, SourcePosition at, ProjectDay add) {
        String id = ProjectDayDocument.idOf(projectCode, day.toString());
        add(ProjectDayDocument.class, ProjectDayDocument.COLLECTION, id, at,
                () -> new ProjectDayDocument(id, 0, projectCode, day.toString(), add, marks(at)),
                ProjectDayDocument::version, d -> d.counters().plus(add));
    }

    /** Adds to the hotline's hour of that day and to the same hour of its month. */
    @Retry(name = "mongo")
    public void addHotline(String hotline, LocalDate day, int hour, SourcePosition at, HotlineHour add) {
        for (Target target : dayAndMonth(HotlineHourDocument.COLLECTION, HOTLINE_MONTHS, day)) {
            String id = HotlineHourDocument.idOf(hotline, target.key(), hour);
            add(HotlineHourDocument.class, target.collection(), id, at,
                    () -> new HotlineHourDocument(id, 0, hotline, target.key(), hour, add, marks(at)),
                    HotlineHourDocument::version, d -> d.counters().plus(add));
        }
    }

    private static Map<String, Long> marks(SourcePosition at) {
        return Map.of(at.key(), at.value());
    }

    /**
     * Every hotline's calls in a period by hour of the day (0–23): for one day its hours, for longer periods each
     * hour summed over the days (whole months read from the month documents).
     */
    @Retry(name = "mongo")
    public Map<String, Map<Integer, HotlineHour>> hotlinesInPeriod(LocalDate from, LocalDate to) {
        Map<String, Map<Integer, HotlineHour>> hours = new HashMap<>();
        for (Span span : spans(from, to)) {
            for (HotlineHourDocument d : inSpan(HotlineHourDocument.class,
                    span.collection(HotlineHourDocument.COLLECTION, HOTLINE_MONTHS), span)) {
                hours.computeIfAbsent(d.hotline(), h -> new HashMap<>()).merge(d.hour(), d.counters(),
                        HotlineHour::plus);
            }
        }
        return hours;
    }

    /** One agent's counters over a period: whole months from the month documents, other days from day documents. */
    @Retry(name = "mongo")
    public AgentDay agentTotal(String agentId, LocalDate from, LocalDate to) {
        return spans(from, to).stream()
                .flatMap(span -> byIds(AgentDayDocument.class, span.collection(AgentDayDocument.COLLECTION,
                        AGENT_MONTHS), span.keys().stream().map(k -> agentId + "|" + k).toList()).stream())
                .map(AgentDayDocument::counters).reduce(AgentDay.NONE, AgentDay::plus);
    }

    @Retry(name = "mongo")
    public DepartmentDay departmentTotal(String departmentCode, LocalDate from, LocalDate to) {
        return spans(from, to).stream()
                .flatMap(span -> byIds(DepartmentDayDocument.class, span.collection(DepartmentDayDocument.COLLECTION,
                        DEPARTMENT_MONTHS), span.keys().stream().map(k -> departmentCode + "|" + k).toList())
                        .stream())
                .map(DepartmentDayDocument::counters).reduce(DepartmentDay.NONE, DepartmentDay::plus);
    }

    /** One project's days in a period, by day. */
    @Retry(name = "mongo")
    public Map<LocalDate, ProjectDay> projectDays(String projectCode, LocalDate from, LocalDate to) {
        return byIds(ProjectDayDocument.class, ids(projectCode, from, to)).stream()
                .collect(Collectors.toMap(d -> LocalDate.parse(d.day()), ProjectDayDocument::counters));
    }

    /** Every project's days in a period, by project and day: one document per project and day that saw any. */
    @Retry(name = "mongo")
    public Map<String, Map<LocalDate, ProjectDay>> projectsInPeriod(LocalDate from, LocalDate to) {
        Map<String, Map<LocalDate, ProjectDay>> days = new HashMap<>();
        for (ProjectDayDocument d : inPeriod(ProjectDayDocument.class, from, to)) {
            days.computeIfAbsent(d.projectCode(), p -> new HashMap<>()).put(LocalDate.parse(d.day()), d.counters());
        }
        return days;
    }

    /** Every agent's counters over a period, per agent: the company-wide report. */
    @Retry(name = "mongo")
    public Map<String, AgentDay> agentsInPeriod(LocalDate from, LocalDate to) {
        return spans(from, to).stream()
                .flatMap(span -> inSpan(AgentDayDocument.class, span.collection(AgentDayDocument.COLLECTION,
                        AGENT_MONTHS), span).stream())
                .collect(Collectors.toMap(AgentDayDocument::agentId, AgentDayDocument::counters, AgentDay::plus));
    }

    @Retry(name = "mongo")
    public Map<String, DepartmentDay> departmentsInPeriod(LocalDate from, LocalDate to) {
        return spans(from, to).stream()
                .flatMap(span -> inSpan(DepartmentDayDocument.class, span.collection(
                        DepartmentDayDocument.COLLECTION, DEPARTMENT_MONTHS), span).stream())
                .collect(Collectors.toMap(DepartmentDayDocument::departmentCode, DepartmentDayDocument::counters,
                        DepartmentDay::plus));
    }

    /** Each day's counters of every agent (a series needs the days, so day documents only), by day and agent. */
    @Retry(name = "mongo")
    public Map<LocalDate, Map<String, AgentDay>> agentDays(LocalDate from, LocalDate to) {
        Map<LocalDate, Map<String, AgentDay>> days = new HashMap<>();
        for (AgentDayDocument d : inPeriod(AgentDayDocument.class, from, to)) {
            days.computeIfAbsent(LocalDate.parse(d.day()), k -> new HashMap<>()).merge(d.agentId(), d.counters(),
                    AgentDay::plus);
        }
        return days;
    }

    /** Each day's counters of every department, summed. */
    @Retry(name = "mongo")
    public Map<LocalDate, DepartmentDay> departmentDays(LocalDate from, LocalDate to) {
        return inPeriod(DepartmentDayDocument.class, from, to).stream().collect(Collectors.toMap(
                d -> LocalDate.parse(d.day()), DepartmentDayDocument::counters, DepartmentDay::plus));
    }

    /** Each day's calls of every hotline, its hours summed. */
    @Retry(name = "mongo")
    public Map<LocalDate, HotlineHour> hotlineDays(LocalDate from, LocalDate to) {
        return inPeriod(HotlineHourDocument.class, from, to).stream().collect(Collectors.toMap(
                d -> LocalDate.parse(d.day()), HotlineHourDocument::counters, HotlineHour::plus));
    }

    /** Each day's counters of every project, summed. */
    @Retry(name = "mongo")
    public Map<LocalDate, ProjectDay> projectDaysSummed(LocalDate from, LocalDate to) {
        return inPeriod(ProjectDayDocument.class, from, to).stream().collect(Collectors.toMap(
                d -> LocalDate.parse(d.day()), ProjectDayDocument::counters, ProjectDay::plus));
    }

    /** A whole calendar month, or some days of one. */
    private record Span(boolean wholeMonth, List<String> keys) {

        String collection(String days, String months) {
            return wholeMonth ? months : days;
        }
    }

    private static List<Span> spans(LocalDate from, LocalDate to) {
        List<Span> spans = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            LocalDate first = month.atDay(1).isBefore(from) ? from : month.atDay(1);
            LocalDate last = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
            boolean whole = first.equals(month.atDay(1)) && last.equals(month.atEndOfMonth());
            spans.add(new Span(whole, whole ? List.of(month.toString()) : ids("", first, last).stream()
                    .map(k -> k.substring(1)).toList()));
        }
        return spans;
    }

    private <T> List<T> inSpan(Class<T> type, String collection, Span span) {
        Criteria criteria = span.wholeMonth() ? Criteria.where("day").is(span.keys().get(0))
                : Criteria.where("day").gte(span.keys().get(0)).lte(span.keys().get(span.keys().size() - 1));
        Query query = Query.query(criteria);
        query.fields().exclude(MARKS).exclude(LEGACY_APPLIED);
        return mongo.find(query, type, collection);
    }

    private <T> List<T> inPeriod(Class<T> type, LocalDate from, LocalDate to) {
        Query query = Query.query(Criteria.where("day").gte(from.toString()).lte(to.toString()));
        query.fields().exclude(MARKS).exclude(LEGACY_APPLIED);
        return mongo.find(query, type);
    }

    private static List<String> ids(String key, LocalDate from, LocalDate to) {
        List<String> ids = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            ids.add(key + "|" + day);
        }
        return ids;
    }

    private <T> List<T> byIds(Class<T> type, Collection<String> ids) {
        return byIds(type, mongo.getCollectionName(type), ids);
    }

    private <T> List<T> byIds(Class<T> type, String collection, Collection<String> ids) {
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().exclude(MARKS).exclude(LEGACY_APPLIED);
        return mongo.find(query, type, collection);
    }

    /**
     * Reads the document without its positions and writes the sum only while the version is the one read and the
     * record's position is above the one the document holds for its partition: a zero match is either another writer
     * (read again) or the record counted already (done).
     */
    private <T> void add(Class<T> type, String collection, String id, SourcePosition at, Supplier<T> first,
                         ToLongFunction<T> version, Function<T, Object> sum) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        byId.fields().exclude(MARKS).exclude(LEGACY_APPLIED);
        String mark = MARKS + "." + at.key();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            T found = mongo.findOne(byId, type, collection);
            if (found == null) {
                try {
                    mongo.insert(first.get(), collection);
                    return;
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            long seen = version.applyAsLong(found);
            Update update = new Update().set("counters", sum.apply(found)).inc("version", 1)
                    .set(mark, at.value()).unset(LEGACY_APPLIED);
            Query unchanged = Query.query(Criteria.where("_id").is(id).and("version").is(seen)
                    .orOperator(Criteria.where(mark).exists(false), Criteria.where(mark).lt(at.value())));
            if (mongo.updateFirst(unchanged, update, type, collection).getMatchedCount() == 1) {
                return;
            }
            if (mongo.exists(Query.query(Criteria.where("_id").is(id).and(mark).gte(at.value())), collection)) {
                return;
            }
        }
        throw new OptimisticLockingFailureException("day counters " + id
                + " kept changing under " + ATTEMPTS + " attempts");
    }
}
