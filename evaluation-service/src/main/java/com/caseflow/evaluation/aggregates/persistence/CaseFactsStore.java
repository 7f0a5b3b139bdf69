package com.caseflow.evaluation.aggregates.persistence;

import com.caseflow.evaluation.aggregates.domain.CaseFacts;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
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

    @Retry(name = "mongo")
    public void save(CaseFacts facts) {
        mongo.save(new CaseFactsDocument(facts.caseId(), facts));
    }
}
