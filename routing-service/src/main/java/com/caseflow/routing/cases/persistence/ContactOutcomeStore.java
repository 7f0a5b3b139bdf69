package com.caseflow.routing.cases.persistence;

import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.Optional;

@Repository
public class ContactOutcomeStore {

    private final MongoTemplate mongo;

    public ContactOutcomeStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Retry(name = "mongo")
    public Optional<ContactOutcome> find(String contactId) {
        return Optional.ofNullable(mongo.findById(contactId, ContactOutcome.class));
    }

    /** Stores the decision unless one exists; returns the decision in force either way. */
    @Retry(name = "mongo")
    public ContactOutcome decide(ContactOutcome outcome) {
        try {
            return mongo.insert(outcome);
        } catch (DuplicateKeyException e) {
            return mongo.findById(outcome.contactId(), ContactOutcome.class);
        }
    }

    /** Replaces a decision that could not be carried out (its case closed meanwhile), if it is still in force. */
    @Retry(name = "mongo")
    public ContactOutcome revise(ContactOutcome old, ContactOutcome revised) {
        Query unchanged = Query.query(Criteria.where("_id").is(old.contactId()).and("caseId").is(old.caseId())
                .and("kind").is(old.kind().name()));
        mongo.findAndReplace(unchanged, revised);
        return mongo.findById(old.contactId(), ContactOutcome.class);
    }
}
