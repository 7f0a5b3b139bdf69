package com.caseflow.evaluation.aggregates.persistence;

import com.caseflow.evaluation.aggregates.domain.AgentDay;
import com.caseflow.evaluation.aggregates.domain.DepartmentDay;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The day counters of agents, departments and projects, and the events already folded in. An event known as folded
 * is skipped whole (a replay from the earliest offset). Otherwise its counters are added document by document — read,
 * add, write guarded by the document's version — and skipped by a document that lists the event among the last
 * {@value #RECENT} it counted: a record redelivered after a crash in the middle of an event (at most a poll's worth,
 * see {@code max.poll.records}) is counted once in each document. Then the event is marked folded.
 */
@Repository
public class AggregateStore implements InitializingBean {

    private static final int ATTEMPTS = 8;
    static final int RECENT = 200;
    static final String FOLDED = "folded_events";

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
                ProjectDayDocument.COLLECTION)) {
            // unique anyway (_id is); lets the local embedded store answer the versioned update from an index
            mongo.indexOps(collection).createIndex(new Index().on("_id", Sort.Direction.ASC)
                    .on("version", Sort.Direction.ASC).unique().named("id_version"));
            mongo.indexOps(collection).createIndex(new Index().on("day", Sort.Direction.ASC).named("by_day"));
        }
    }

    @Retry(name = "mongo")
    public boolean folded(String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(eventId)), FoldedEvent.class);
    }

    @Retry(name = "mongo")
    public void markFolded(String eventId, Instant at) {
        try {
            mongo.insert(new FoldedEvent(eventId, at));
        } catch (DuplicateKeyException alreadyMarked) {
            // a redelivery that found the event not yet marked and counted nothing twice
        }
    }

    @Retry(name = "mongo")
    public void addAgent(String agentId, LocalDate day, String eventId, AgentDay add) {
        String id = AgentDayDocument.idOf(agentId, day.toString());
        add(AgentDayDocument.class, id, eventId,
                () -> new AgentDayDocument(id, 0, agentId, day.toString(), add, List.of(eventId)),
                d -> d.applied().contains(eventId), AgentDayDocument::version, d -> d.counters().plus(add));
    }

    @Retry(name = "mongo")
    public void addDepartment(String departmentCode, LocalDate day, String eventId, DepartmentDay add) {
        String id = DepartmentDayDocument.idOf(departmentCode, day.toString());
        add(DepartmentDayDocument.class, id, eventId,
                () -> new DepartmentDayDocument(id, 0, departmentCode, day.toString(), add, List.of(eventId)),
                d -> d.applied().contains(eventId), DepartmentDayDocument::version, d -> d.counters().plus(add));
    }

    @Retry(name = "mongo")
    public void addProject(String projectCode, LocalDate day, String eventId, ProjectDay add) {
        String id = ProjectDayDocument.idOf(projectCode, day.toString());
        add(ProjectDayDocument.class, id, eventId,
                () -> new ProjectDayDocument(id, 0, projectCode, day.toString(), add, List.of(eventId)),
                d -> d.applied().contains(eventId), ProjectDayDocument::version, d -> d.counters().plus(add));
    }

    /** One agent's days in a period, by day. */
    @Retry(name = "mongo")
    public Map<String, AgentDay> agentDays(String agentId, LocalDate from, LocalDate to) {
        return byIds(AgentDayDocument.class, ids(agentId, from, to)).stream()
                .collect(Collectors.toMap(AgentDayDocument::day, AgentDayDocument::counters));
    }

    @Retry(name = "mongo")
    public Map<String, DepartmentDay> departmentDays(String departmentCode, LocalDate from, LocalDate to) {
        return byIds(DepartmentDayDocument.class, ids(departmentCode, from, to)).stream()
                .collect(Collectors.toMap(DepartmentDayDocument::day, DepartmentDayDocument::counters));
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

    /** Every agent's days in a period, summed per agent: the company-wide report. */
    @Retry(name = "mongo")
    public Map<String, AgentDay> agentsInPeriod(LocalDate from, LocalDate to) {
        return inPeriod(AgentDayDocument.class, from, to).stream().collect(Collectors.toMap(
                AgentDayDocument::agentId, AgentDayDocument::counters, AgentDay::plus));
    }

    @Retry(name = "mongo")
    public Map<String, DepartmentDay> departmentsInPeriod(LocalDate from, LocalDate to) {
        return inPeriod(DepartmentDayDocument.class, from, to).stream().collect(Collectors.toMap(
                DepartmentDayDocument::departmentCode, DepartmentDayDocument::counters, DepartmentDay::plus));
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
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().exclude("applied");
        return mongo.find(query, type);
    }

    private <T> void add(Class<T> type, String id, String eventId, Supplier<T> first,
                         Predicate<T> counted, ToLongFunction<T> version,
                         Function<T, Object> sum) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            T found = mongo.findById(id, type);
            if (found == null) {
                try {
                    mongo.insert(first.get());
                    return;
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            if (counted.test(found)) {
                return;
            }
            long seen = version.applyAsLong(found);
            Update update = new Update().set("counters", sum.apply(found)).inc("version", 1)
                    .push("applied").slice(-RECENT).each(eventId);
            Query unchanged = Query.query(Criteria.where("_id").is(id).and("version").is(seen));
            if (mongo.updateFirst(unchanged, update, type).getMatchedCount() == 1) {
                return;
            }
        }
        throw new OptimisticLockingFailureException("day counters " + id
                + " kept changing under " + ATTEMPTS + " attempts");
    }
}
