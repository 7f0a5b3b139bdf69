package com.caseflow.support.audit;

import com.caseflow.support.security.Staff;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Operators' interventions (a parked outbox entry retried, a dead letter replayed), written to the same audit
 * collection as the reads of customer data, before the intervention takes effect: one that cannot be audited is not
 * done.
 */
public class AdminActionAudit {

    /** @param subject what was acted on, e.g. {@code cases.dlq/2/17} or an outbox entry id — never customer data */
    public record Entry(String id, Instant at, String staffId, List<String> roles, String action, String subject) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    public AdminActionAudit(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void acted(Staff staff, String action, String subject) {
        mongo.insert(new Entry(UUID.randomUUID().toString(), clock.instant(), staff.staffId(),
                staff.roles().stream().sorted().toList(), action, subject), AccessAudit.COLLECTION);
    }
}
