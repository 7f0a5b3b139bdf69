package com.caseflow.evaluation.spotchecks.persistence;

import com.caseflow.evaluation.spotchecks.domain.CaseFlags;
import com.caseflow.evaluation.spotchecks.domain.ContactFacts;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
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
import java.util.Optional;
import java.util.Set;

/**
 * What sampling knows of contacts and cases, one document each, written only by field-wise upserts ({@code $set},
 * {@code $min}): applying an event twice, or the events of the three topics in any order, leaves the same documents.
 * A case's deadline and whether it is open move only forwards in the case's own sequence. No names, no numbers.
 */
@Repository
public class SamplingFactsStore implements InitializingBean {

    static final String CONTACTS = "spot_check_contacts";
    static final String CASES = "spot_check_cases";
    /** Recordings of ended calls by call id (no number, no name: a link the platform controls access to). */
    static final String CALLS = "spot_check_calls";
    private static final int IN_BATCH = 500;

    @Document(CONTACTS)
    record ContactDocument(@Id String id, String agentId, String day, String channel, String projectCode,
                           String category, String caseId, Boolean settled, String callId, String recordingUrl) {

        ContactFacts facts() {
            return new ContactFacts(id, agentId, day == null ? null : LocalDate.parse(day), channel, projectCode,
                    category, caseId, Boolean.TRUE.equals(settled), callId, recordingUrl);
        }
    }

    @Document(CALLS)
    record CallDocument(@Id String id, String recordingUrl) {
    }

    @Document(CASES)
    record CaseDocument(@Id String id, Boolean escalated, Integer lowestSatisfaction, Boolean notResolved,
                        Instant resolutionDue, Instant closedAt, Boolean resolvedLate, Long sequence) {

        CaseFlags flags() {
            return new CaseFlags(id, Boolean.TRUE.equals(escalated), lowestSatisfaction,
                    Boolean.TRUE.equals(notResolved), resolutionDue, closedAt, Boolean.TRUE.equals(resolvedLate));
        }
    }

    private final MongoTemplate mongo;

    public SamplingFactsStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(CONTACTS).createIndex(new Index().on("day", Sort.Direction.ASC)
                .on("agentId", Sort.Direction.ASC).named("by_day_agent"));
    }

    /** The contact's own facts, from its {@code ContactReceived}; the case link is left as it is. */
    @Retry(name = "mongo")
    public void contact(ContactFacts facts) {
        Update update = new Update().set("agentId", facts.agentId()).set("day", facts.day().toString())
                .set("channel", facts.channel()).set("projectCode", facts.projectCode())
                .set("category", facts.category()).set("settled", facts.settled()).set("callId", facts.callId())
                .set("recordingUrl", facts.recordingUrl());
        mongo.upsert(byId(facts.contactId()), update, ContactDocument.class);
    }

    @Retry(name = "mongo")
    public void recording(String callId, String recordingUrl) {
        mongo.upsert(byId(callId), new Update().set("recordingUrl", recordingUrl), CallDocument.class);
    }

    /**
     * The recording of each contact that has one, by contact id: the contact's own link, else the one its call ended
     * with (whichever of the two facts came first).
     */
    @Retry(name = "mongo")
    public Map<String, String> recordings(Collection<String> contactIds) {
        Map<String, String> recordings = new HashMap<>();
        Map<String, List<String>> contactsOfCall = new HashMap<>();
        List<String> ids = new ArrayList<>(contactIds);
        for (int i = 0; i < ids.size(); i += IN_BATCH) {
            Query query = Query.query(Criteria.where("_id").in(ids.subList(i, Math.min(ids.size(), i + IN_BATCH))));
            for (ContactDocument d : mongo.find(query, ContactDocument.class)) {
                if (d.recordingUrl() != null) {
                    recordings.put(d.id(), d.recordingUrl());
                } else if (d.callId() != null) {
                    contactsOfCall.computeIfAbsent(d.callId(), c -> new ArrayList<>()).add(d.id());
                }
            }
        }
        List<String> calls = new ArrayList<>(contactsOfCall.keySet());
        for (int i = 0; i < calls.size(); i += IN_BATCH) {
            Query query = Query.query(Criteria.where("_id").in(calls.subList(i, Math.min(calls.size(), i + IN_BATCH))));
            mongo.find(query, CallDocument.class).stream().filter(c -> c.recordingUrl() != null)
                    .forEach(c -> contactsOfCall.get(c.id()).forEach(contact -> recordings.put(contact,
                            c.recordingUrl())));
        }
        return recordings;
    }

    @Retry(name = "mongo")
    public void linkCase(String contactId, String caseId) {
        mongo.upsert(byId(contactId), new Update().set("caseId", caseId), ContactDocument.class);
    }

    @Retry(name = "mongo")
    public void escalated(String caseId) {
        mongo.upsert(byId(caseId), new Update().set("escalated", true), CaseDocument.class);
    }

    /** A reached customer's answer: the lowest satisfaction is kept, a "not resolved" stays. */
    @Retry(name = "mongo")
    public void feedback(String caseId, Integer satisfaction, boolean notResolved) {
        Update update = new Update();
        if (satisfaction != null) {
            update.min("lowestSatisfaction", satisfaction);
        }
        if (notResolved) {
            update.set("notResolved", true);
        }
        if (!update.getUpdateObject().isEmpty()) {
            mongo.upsert(byId(caseId), update, CaseDocument.class);
        }
    }

    /**
     * The case's resolution deadline as of event {@code sequence} (routed, attached, transferred, reopened);
     * {@code reopened} opens it again.
     */
    @Retry(name = "mongo")
    public void deadline(String caseId, long sequence, Instant resolutionDue, boolean reopened) {
        Update update = new Update().set("resolutionDue", resolutionDue);
        if (reopened) {
            update.unset("closedAt");
        }
        advance(caseId, sequence, update);
    }

    /** The case's sequence moved on without changing its deadline (a contact attached without new deadlines). */
    @Retry(name = "mongo")
    public void sequence(String caseId, long sequence) {
        advance(caseId, sequence, new Update());
    }

    /** The case was resolved or merged at {@code at}; a resolution after its deadline marks it long-running. */
    @Retry(name = "mongo")
    public void closed(String caseId, long sequence, Instant at, boolean resolution) {
        CaseDocument known = mongo.findById(caseId, CaseDocument.class);
        if (known != null && known.sequence() != null && known.sequence() >= sequence) {
            return;
        }
        Update update = new Update().set("closedAt", at);
        if (resolution && known != null && known.resolutionDue() != null && at.isAfter(known.resolutionDue())) {
            update.set("resolvedLate", true);
        }
        advance(caseId, sequence, update);
    }

    @Retry(name = "mongo")
    public Optional<ContactFacts> contact(String contactId) {
        return Optional.ofNullable(mongo.findById(contactId, ContactDocument.class)).map(ContactDocument::facts);
    }

    /** The contacts recorded in a period (days inclusive), of the given agents or, when null, of every agent. */
    @Retry(name = "mongo")
    public List<ContactFacts> contacts(LocalDate from, LocalDate to, Set<String> agentIds) {
        Criteria criteria = Criteria.where("day").gte(from.toString()).lte(to.toString());
        criteria = agentIds == null ? criteria.and("agentId").ne(null) : criteria.and("agentId").in(agentIds);
        return mongo.find(Query.query(criteria), ContactDocument.class).stream().map(ContactDocument::facts)
                .filter(ContactFacts::drawable).toList();
    }

    @Retry(name = "mongo")
    public Map<String, CaseFlags> cases(Collection<String> caseIds) {
        List<String> ids = new ArrayList<>(caseIds);
        Map<String, CaseFlags> found = new HashMap<>();
        for (int i = 0; i < ids.size(); i += IN_BATCH) {
            Query query = Query.query(Criteria.where("_id").in(ids.subList(i, Math.min(ids.size(), i + IN_BATCH))));
            mongo.find(query, CaseDocument.class).forEach(d -> found.put(d.id(), d.flags()));
        }
        return found;
    }

    /**
     * Applies the update only if the case has not seen this event or a later one: the sequence guard is in the
     * query, so a stale event finds no document, its upsert collides with the existing id, and the guarded update
     * after it matches nothing.
     */
    private void advance(String caseId, long sequence, Update update) {
        Query older = Query.query(Criteria.where("_id").is(caseId).orOperator(
                Criteria.where("sequence").lt(sequence), Criteria.where("sequence").exists(false)));
        try {
            mongo.upsert(older, update.set("sequence", sequence), CaseDocument.class);
        } catch (DuplicateKeyException raced) {
            // a later event of the case was applied already — or an escalation or feedback (which carry no sequence)
            // created the case's document in the meantime: then the guarded update applies to it now
            mongo.updateFirst(older, update, CaseDocument.class);
        }
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
