package com.caseflow.evaluation.aggregates.persistence;

import com.caseflow.evaluation.aggregates.domain.AgentDay;
import com.caseflow.evaluation.aggregates.domain.DepartmentDay;
import com.caseflow.evaluation.aggregates.domain.Folding;
import com.caseflow.evaluation.aggregates.domain.HotlineHour;
import com.caseflow.evaluation.aggregates.domain.ProjectDay;
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
 * event's absence from the document's {@code applied} list, the write adding it there. Then the event is marked
 * folded, with the documents it touched. So a record redelivered after a crash anywhere in between is counted once in
 * each document, and an event known as folded is skipped whole (a replay from the earliest offset).
 * <p>
 * The ids stay on the lists for a retention window (seven days by default) and only then are they taken off
 * ("settled", by {@link #settleFoldedBefore}): a consumer that lost its partitions and goes on processing a record the
 * new owner folded meanwhile (a "zombie" after a rebalance, or one frozen past its session) finds the id on every
 * document it reaches and adds nothing. Kafka fences such a consumer's offset commit, not its writes here; the check
 * is part of the same single-document update as the counters, so no transaction is needed.
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

    /** A counter document an event was added to. */
    public record Touched(String collection, String id) {
    }

    /** @param settled whether the event was taken off the lists of the documents it touched */
    @Document(FOLDED)
    record FoldedEvent(@Id String id, Instant foldedAt, List<Touched> touched, boolean settled) {
    }

    private final MongoTemplate mongo;

    public AggregateStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(FOLDED).createIndex(new Index().on("settled", Sort.Direction.ASC)
                .on("foldedAt", Sort.Direction.ASC).named("settled_folded_at"));
        for (String collection : List.of(AgentDayDocument.COLLECTION, DepartmentDayDocument.COLLECTION,
                ProjectDayDocument.COLLECTION, AGENT_MONTHS, DEPARTMENT_MONTHS, HotlineHourDocument.COLLECTION,
                HOTLINE_MONTHS)) {
            // unique anyway (_id is); lets the local embedded store answer the versioned update from an index
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
        days.fields().exclude("applied");
        Map<String, AgentDayDocument> agentMonths = new HashMap<>();
        for (AgentDayDocument d : mongo.find(days, AgentDayDocument.class)) {
            String month = YearMonth.from(LocalDate.parse(d.day())).toString();
            String id = AgentDayDocument.idOf(d.agentId(), month);
            agentMonths.merge(id, new AgentDayDocument(id, 0, d.agentId(), month, d.counters(), List.of()),
                    (a, b) -> new AgentDayDocument(id, 0, a.agentId(), month, a.counters().plus(b.counters()),
                            List.of()));
        }
        Map<String, DepartmentDayDocument> departmentMonths = new HashMap<>();
        for (DepartmentDayDocument d : mongo.find(days, DepartmentDayDocument.class)) {
            String month = YearMonth.from(LocalDate.parse(d.day())).toString();
            String id = DepartmentDayDocument.idOf(d.departmentCode(), month);
            departmentMonths.merge(id, new DepartmentDayDocument(id, 0, d.departmentCode(), month, d.counters(),
                    List.of()), (a, b) -> new DepartmentDayDocument(id, 0, a.departmentCode(), month,
                    a.counters().plus(b.counters()), List.of()));
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

    /** The counter documents an event's deltas go to. */
    public List<Touched> documentsOf(Folding.Folded folded) {
        List<Touched> documents = new ArrayList<>();
        folded.agents().forEach(d -> dayAndMonth(AgentDayDocument.COLLECTION, AGENT_MONTHS, d.day()).forEach(
                t -> documents.add(new Touched(t.collection(), AgentDayDocument.idOf(d.agentId(), t.key())))));
        folded.departments().forEach(d -> dayAndMonth(DepartmentDayDocument.COLLECTION, DEPARTMENT_MONTHS, d.day())
                .forEach(t -> documents.add(new Touched(t.collection(),
                        DepartmentDayDocument.idOf(d.departmentCode(), t.key())))));
        folded.projects().forEach(d -> documents.add(new Touched(ProjectDayDocument.COLLECTION,
                ProjectDayDocument.idOf(d.projectCode(), d.day().toString()))));
        folded.hotlines().forEach(d -> dayAndMonth(HotlineHourDocument.COLLECTION, HOTLINE_MONTHS, d.day())
                .forEach(t -> documents.add(new Touched(t.collection(),
                        HotlineHourDocument.idOf(d.hotline(), t.key(), d.hour())))));
        return documents;
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

    /**
     * Marks the event folded. Its id stays on the lists of the documents it was added to until
     * {@link #settleFoldedBefore} takes it off once the retention window has passed.
     */
    @Retry(name = "mongo")
    public void markFolded(String eventId, Instant at, List<Touched> touched) {
        try {
            mongo.insert(new FoldedEvent(eventId, at, List.copyOf(touched), false));
        } catch (DuplicateKeyException alreadyMarked) {
            // a redelivery (or a zombie) that found the event not yet marked and counted nothing twice
        }
    }

    /**
     * Takes events folded before {@code cutoff} off the lists of the documents they touched, at most {@code limit}
     * of them. Idempotent: instances that sweep at the same time pull the same ids.
     *
     * @return how many events were settled
     */
    @Retry(name = "mongo")
    public int settleFoldedBefore(Instant cutoff, int limit) {
        Query due = Query.query(Criteria.where("settled").is(false).and("foldedAt").lt(cutoff)).limit(limit);
        List<FoldedEvent> events = mongo.find(due, FoldedEvent.class);
        for (FoldedEvent event : events) {
            settle(event.id(), event.touched() == null ? List.of() : event.touched());
        }
        return events.size();
    }

    private void settle(String eventId, List<Touched> touched) {
        for (Touched document : touched) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(document.id())),
                    new Update().pull("applied", eventId), document.collection());
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(eventId)), new Update().set("settled", true),
                FoldedEvent.class);
    }

    /** Adds to the agent's day and to its month: a monthly report reads one document per agent, not thirty. */
    @Retry(name = "mongo")
    public List<Touched> addAgent(String agentId, LocalDate day, String eventId, AgentDay add) {
        List<Touched> touched = new ArrayList<>();
        for (Target target : dayAndMonth(AgentDayDocument.COLLECTION, AGENT_MONTHS, day)) {
            String id = AgentDayDocument.idOf(agentId, target.key());
            add(AgentDayDocument.class, target.collection(), id, eventId,
                    () -> new AgentDayDocument(id, 0, agentId, target.key(), add, List.of(eventId)),
                    AgentDayDocument::version, d -> d.counters().plus(add));
            touched.add(new Touched(target.collection(), id));
        }
        return touched;
    }

    @Retry(name = "mongo")
    public List<Touched> addDepartment(String departmentCode, LocalDate day, String eventId, DepartmentDay add) {
        List<Touched> touched = new ArrayList<>();
        for (Target target : dayAndMonth(DepartmentDayDocument.COLLECTION, DEPARTMENT_MONTHS, day)) {
            String id = DepartmentDayDocument.idOf(departmentCode, target.key());
            add(DepartmentDayDocument.class, target.collection(), id, eventId,
                    () -> new DepartmentDayDocument(id, 0, departmentCode, target.key(), add, List.of(eventId)),
                    DepartmentDayDocument::version, d -> d.counters().plus(add));
            touched.add(new Touched(target.collection(), id));
        }
        return touched;
    }

    @Retry(name = "mongo")
    public List<Touched> addProject(String projectCode, LocalDate day, String eventId, ProjectDay add) {
        String id = ProjectDayDocument.idOf(projectCode, day.toString());
        add(ProjectDayDocument.class, ProjectDayDocument.COLLECTION, id, eventId,
                () -> new ProjectDayDocument(id, 0, projectCode, day.toString(), add, List.of(eventId)),
                ProjectDayDocument::version, d -> d.counters().plus(add));
        return List.of(new Touched(ProjectDayDocument.COLLECTION, id));
    }

    /** Adds to the hotline's hour of that day and to the same hour of its month. */
    @Retry(name = "mongo")
    public List<Touched> addHotline(String hotline, LocalDate day, int hour, String eventId, HotlineHour add) {
        List<Touched> touched = new ArrayList<>();
        for (Target target : dayAndMonth(HotlineHourDocument.COLLECTION, HOTLINE_MONTHS, day)) {
            String id = HotlineHourDocument.idOf(hotline, target.key(), hour);
            add(HotlineHourDocument.class, target.collection(), id, eventId,
                    () -> new HotlineHourDocument(id, 0, hotline, target.key(), hour, add, List.of(eventId)),
                    HotlineHourDocument::version, d -> d.counters().plus(add));
            touched.add(new Touched(target.collection(), id));
        }
        return touched;
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
        query.fields().exclude("applied");
        return mongo.find(query, type, collection);
    }

    private <T> List<T> inPeriod(Class<T> type, LocalDate from, LocalDate to) {
        Query query = Query.query(Criteria.where("day").gte(from.toString()).lte(to.toString()));
        query.fields().exclude("applied");
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
        query.fields().exclude("applied");
        return mongo.find(query, type, collection);
    }

    /**
     * Reads the document without its {@code applied} list (a week of ids on a busy month's document) and writes the
     * sum only while the version is the one read and the event is not on the list: a zero match is either another
     * writer (read again) or the event counted already (done).
     */
    private <T> void add(Class<T> type, String collection, String id, String eventId, Supplier<T> first,
                         ToLongFunction<T> version, Function<T, Object> sum) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        byId.fields().exclude("applied");
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
                    .push("applied", eventId);
            Query unchanged = Query.query(Criteria.where("_id").is(id).and("version").is(seen)
                    .and("applied").ne(eventId));
            if (mongo.updateFirst(unchanged, update, type, collection).getMatchedCount() == 1) {
                return;
            }
            if (mongo.exists(Query.query(Criteria.where("_id").is(id).and("applied").is(eventId)), collection)) {
                return;
            }
        }
        throw new OptimisticLockingFailureException("day counters " + id
                + " kept changing under " + ATTEMPTS + " attempts");
    }
}
