package com.caseflow.followup.timers.persistence;

import com.caseflow.events.followup.DeadlineKind;
import com.caseflow.followup.timers.domain.NumberedEntry;
import com.caseflow.followup.timers.domain.Stage;
import com.caseflow.followup.timers.domain.StageKind;
import com.caseflow.followup.timers.domain.StageState;
import com.caseflow.followup.timers.domain.TimelineEntry;
import com.caseflow.support.store.InsertOnce;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
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

/**
 * What a followed case no longer keeps in its own document: its older timeline entries ({@value #TIMELINE}, one
 * document per entry, id case#number) and the settled timers of its older generations of deadlines ({@value #TIMERS},
 * id case#timer). Both ids are stable, so whatever is handed on twice (a retried write, a lost race on the case, a
 * redelivered event) is stored once, as the case held it — without a transaction across the two documents.
 */
@Repository
public class FollowUpHistoryStore implements InitializingBean {

    public static final String TIMELINE = "follow_up_timeline";
    public static final String TIMERS = "follow_up_timers";

    @Document(TIMELINE)
    record EntryDocument(@Id String id, String caseId, long number, Instant at, String what, DeadlineKind deadline,
                         Integer level, String role, Instant dueAt, String departmentCode, String actor, String note) {

        static EntryDocument of(String caseId, NumberedEntry numbered) {
            TimelineEntry e = numbered.entry();
            return new EntryDocument(caseId + "#" + numbered.number(), caseId, numbered.number(), e.at(), e.what(),
                    e.deadline(), e.level(), e.role(), e.dueAt(), e.departmentCode(), e.actor(), e.note());
        }

        NumberedEntry entry() {
            return new NumberedEntry(number, new TimelineEntry(at, what, deadline, level, role, dueAt, departmentCode,
                    actor, note));
        }
    }

    /** A timer of an older generation, as it was settled; what the fault suite counts fired timers against. */
    @Document(TIMERS)
    record TimerDocument(@Id String id, String caseId, String stageId, StageKind kind, DeadlineKind deadline,
                         int level, String role, Instant dueAt, Instant deadlineDueAt, StageState state,
                         Instant settledAt) {

        static TimerDocument of(String caseId, Stage s) {
            return new TimerDocument(caseId + "#" + s.id(), caseId, s.id(), s.kind(), s.deadline(), s.level(),
                    s.role(), s.dueAt(), s.deadlineDueAt(), s.state(), s.settledAt());
        }
    }

    private final MongoTemplate mongo;

    public FollowUpHistoryStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(TIMELINE).createIndex(new Index().on("caseId", Sort.Direction.ASC)
                .on("number", Sort.Direction.ASC).unique().named("case_number"));
        mongo.indexOps(TIMERS).createIndex(new Index().on("caseId", Sort.Direction.ASC).named("by_case"));
    }

    /** Stores the entries and timers; those stored before are left as they are. */
    @Retry(name = "mongo")
    public void store(String caseId, List<NumberedEntry> entries, List<Stage> timers) {
        InsertOnce.all(mongo, EntryDocument.class, entries.stream().map(e -> EntryDocument.of(caseId, e)).toList());
        InsertOnce.all(mongo, TimerDocument.class, timers.stream().map(t -> TimerDocument.of(caseId, t)).toList());
    }

    /** The stored timeline entries of a case numbered {@code from} to {@code to}, in order. */
    @Retry(name = "mongo")
    public List<NumberedEntry> between(String caseId, long from, long to) {
        Query range = Query.query(Criteria.where("caseId").is(caseId).and("number").gte(from).lte(to))
                .with(Sort.by("number"));
        return mongo.find(range, EntryDocument.class).stream().map(EntryDocument::entry).toList();
    }
}
