package com.caseflow.routing.cases.persistence;

import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Recent cases per project + category (+ building, when the unit is known), to notice many customers reporting the
 * same problem; and the incident, once formed, that further reports join. One document per group, read by id.
 */
@Repository
public class IncidentTracker {

    /** @param customerKey a keyed hash of the customer's number: distinct customers are counted, not stored */
    public record Member(String caseId, String contactId, String customerKey, Instant at) {
    }

    /** @param keyScheme {@link RepeatIndex#KEYED} once its members' keys are keyed hashes; absent before */
    @Document("incidents")
    public record Group(@Id String key, String incidentId, String leadCaseId, Instant formedAt, Instant lastReportAt,
                        List<Member> members, String keyScheme) {

        public List<Member> members() {
            return members == null ? List.of() : members;
        }
    }

    static final int KEPT_MEMBERS = 50;

    private final MongoTemplate mongo;

    public IncidentTracker(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Retry(name = "mongo")
    public Optional<Group> find(String key) {
        return Optional.ofNullable(mongo.findById(key, Group.class));
    }

    /**
     * Adds a case to its group, keeping the newest {@value #KEPT_MEMBERS}: older ones are outside any incident
     * window that matters. One write by id (a redelivery may add the same case twice; readers count customers and
     * cases, not entries).
     */
    @Retry(name = "mongo")
    public void addMember(String key, Member member) {
        mongo.upsert(Query.query(Criteria.where("_id").is(key)),
                new Update().push("members").slice(-KEPT_MEMBERS).each(member)
                        .setOnInsert("keyScheme", RepeatIndex.KEYED), Group.class);
    }

    /** Groups whose members are kept under the plain hashes of earlier versions, a batch at a time. */
    @Retry(name = "mongo")
    public List<Group> legacy(int limit) {
        return mongo.find(Query.query(Criteria.where("keyScheme").exists(false)).limit(limit), Group.class);
    }

    /** Replaces a legacy group's members by the same members under keyed hashes. */
    @Retry(name = "mongo")
    public void rekey(String key, List<Member> members) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("keyScheme").exists(false)),
                new Update().set("members", members).set("keyScheme", RepeatIndex.KEYED), Group.class);
    }

    /** Forms the incident unless another one of this group is in force; returns the group as it now stands. */
    @Retry(name = "mongo")
    public Group form(String key, String incidentId, String leadCaseId, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("incidentId").is(null)),
                new Update().set("incidentId", incidentId).set("leadCaseId", leadCaseId).set("formedAt", at)
                        .max("lastReportAt", at),
                Group.class);
        return mongo.findById(key, Group.class);
    }

    @Retry(name = "mongo")
    public void reported(String key, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key)), new Update().max("lastReportAt", at),
                Group.class);
    }

    /** Ends an incident whose case closed or went quiet, so the next report starts afresh. */
    @Retry(name = "mongo")
    public void end(String key, String incidentId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("incidentId").is(incidentId)),
                new Update().unset("incidentId").unset("leadCaseId").unset("formedAt").set("members", List.of()),
                Group.class);
    }
}
