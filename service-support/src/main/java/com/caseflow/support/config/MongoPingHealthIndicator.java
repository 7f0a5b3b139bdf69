package com.caseflow.support.config;

import com.caseflow.support.logging.OutageLog;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;

/**
 * Replaces Boot's MongoDB indicator, which asks for {@code hello}: the embedded wire server of the local stack does
 * not implement it. {@code ping} is answered by that server and by every real MongoDB. While the store is away the
 * answer is DOWN with the error, as Boot's own would say it, but logged as an outage ({@link OutageLog}) rather than
 * with a stack trace at every probe.
 */
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(MongoPingHealthIndicator.class);

    private final MongoTemplate mongo;
    private final OutageLog storeOutage;

    MongoPingHealthIndicator(MongoTemplate mongo, Clock clock) {
        super("MongoDB ping failed");
        this.mongo = mongo;
        this.storeOutage = new OutageLog(log, "Health check (MongoDB ping)", clock);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer;
        try {
            answer = mongo.executeCommand(new Document("ping", 1));
        } catch (RuntimeException e) {
            if (!storeOutage.storeFailed(e)) {
                // logged with its stack trace and answered DOWN by the base class
                throw e;
            }
            // the detail Boot's builder.down(e) writes, without its logging the stack trace at every probe
            builder.down().withDetail("error", e.getClass().getName() + ": " + e.getMessage());
            return;
        }
        storeOutage.succeeded();
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", answer.get("ok"));
    }
}
