package com.caseflow.routing.onduty.persistence;

import com.caseflow.routing.onduty.domain.Shift;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Repository
public class RosterStore {

    private final MongoTemplate mongo;

    public RosterStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Retry(name = "mongo")
    public Optional<RosterDocument> find(String departmentCode) {
        return Optional.ofNullable(mongo.findById(departmentCode, RosterDocument.class));
    }

    /**
     * Stores the department's shifts as the version after {@code version} (0: none stored yet).
     *
     * @throws OptimisticLockingFailureException when somebody stored another version meanwhile
     */
    @Retry(name = "mongo")
    public RosterDocument save(String departmentCode, List<Shift> shifts, long version, String by, Instant at) {
        RosterDocument next = new RosterDocument(departmentCode, shifts, version + 1, by, at);
        if (version == 0) {
            try {
                mongo.insert(next);
                return next;
            } catch (DuplicateKeyException e) {
                throw new OptimisticLockingFailureException("roster of " + departmentCode + " created meanwhile");
            }
        }
        Query unchanged = Query.query(Criteria.where("_id").is(departmentCode).and("version").is(version));
        Update update = new Update().set("shifts", shifts).set("version", version + 1).set("changedBy", by)
                .set("changedAt", at);
        if (mongo.updateFirst(unchanged, update, RosterDocument.class).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("roster of " + departmentCode + " changed since " + version);
        }
        return next;
    }
}
