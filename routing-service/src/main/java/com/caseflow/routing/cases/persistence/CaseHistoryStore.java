package com.caseflow.routing.cases.persistence;

import com.caseflow.routing.cases.domain.HistoryEntry;
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
 * The steps a case no longer keeps in its own document, one document per step. A step's id is its case and sequence,
 * so a step handed on twice (a retried write, a lost race on the case) is stored once, as the case held it.
 */
@Repository
public class CaseHistoryStore implements InitializingBean {

    static final String COLLECTION = "case_history";

    @Document(COLLECTION)
    record StepDocument(@Id String id, String caseId, long sequence, String type, Instant at, String by,
                        String departmentCode, String detail) {

        static StepDocument of(String caseId, HistoryEntry e) {
            return new StepDocument(caseId + "#" + e.sequence(), caseId, e.sequence(), e.type(), e.at(), e.by(),
                    e.departmentCode(), e.detail());
        }

        HistoryEntry entry() {
            return new HistoryEntry(sequence, type, at, by, departmentCode, detail);
        }
    }

    private final MongoTemplate mongo;

    public CaseHistoryStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("caseId", Sort.Direction.ASC)
                .on("sequence", Sort.Direction.ASC).unique().named("case_sequence"));
    }

    /** Stores the steps; those stored before are left as they are. */
    @Retry(name = "mongo")
    public void store(String caseId, List<HistoryEntry> steps) {
        InsertOnce.all(mongo, StepDocument.class,
                steps.stream().map(step -> StepDocument.of(caseId, step)).toList());
    }

    /** The stored steps of a case numbered {@code from} to {@code to}, in order. */
    @Retry(name = "mongo")
    public List<HistoryEntry> between(String caseId, long from, long to) {
        Query range = Query.query(Criteria.where("caseId").is(caseId).and("sequence").gte(from).lte(to))
                .with(Sort.by("sequence"));
        return mongo.find(range, StepDocument.class).stream().map(StepDocument::entry).toList();
    }
}
