package com.caseflow.evaluation.aggregates.persistence;

import com.caseflow.evaluation.aggregates.domain.CaseFacts;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** What evaluation remembers of each case (one document per case, written after the event's counters). */
@Repository
public class CaseFactsStore {

    @Document("case_facts")
    record CaseFactsDocument(@Id String id, CaseFacts facts) {
    }

    private final MongoTemplate mongo;

    public CaseFactsStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Retry(name = "mongo")
    public Optional<CaseFacts> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseFactsDocument.class)).map(CaseFactsDocument::facts);
    }

    /**
     * Stores the case's facts unless the stored ones are further along (a higher sequence): a consumer that lost its
     * partitions and finishes an old event late (a zombie) must not move the case back.
     */
    @Retry(name = "mongo")
    public void save(CaseFacts facts) {
        Query notNewer = Query.query(Criteria.where("_id").is(facts.caseId()).and("facts.sequence")
                .lte(facts.sequence()));
        try {
            mongo.upsert(notNewer, new Update().set("facts", facts), CaseFactsDocument.class);
        } catch (DuplicateKeyException newerStored) {
            // the case's facts moved past this event already
        }
    }
}
