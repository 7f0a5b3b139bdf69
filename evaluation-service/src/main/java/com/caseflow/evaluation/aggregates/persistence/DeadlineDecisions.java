package com.caseflow.evaluation.aggregates.persistence;

import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Repository;

/**
 * Which event decided each case deadline as met or missed: the first to claim it. Cases' events and follow-up's
 * escalations arrive on different topics in any order, and a re-timed deadline is escalated again; the claim keeps
 * each deadline counted once.
 */
@Repository
public class DeadlineDecisions {

    @Document("deadline_decisions")
    record Decision(@Id String id, String eventId) {
    }

    private final MongoTemplate mongo;

    public DeadlineDecisions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** True when this event decides the deadline: it claimed it now, or had claimed it before a crash. */
    @Retry(name = "mongo")
    public boolean claim(String deadlineKey, String eventId) {
        try {
            mongo.insert(new Decision(deadlineKey, eventId));
            return true;
        } catch (DuplicateKeyException claimed) {
            Decision decision = mongo.findById(deadlineKey, Decision.class);
            return decision != null && eventId.equals(decision.eventId());
        }
    }
}
