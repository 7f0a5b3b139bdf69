package com.caseflow.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import java.util.Map;

/** The services' own stores, read from outside: what still waits in their outboxes. */
final class Stores implements AutoCloseable {

    /** Each service's collections whose documents carry an outbox of events to publish (service-support's outbox). */
    private static final Map<String, String[]> OUTBOXES = Map.of(
            "intake-service", new String[] {"contacts"},
            "routing-service", new String[] {"cases"},
            "followup-service", new String[] {"follow_ups", "callbacks"},
            "evaluation-service", new String[] {"spot_checks", "evaluations"});

    private final MongoClient mongo;

    Stores(String uri) {
        // bounded, so that a frozen store makes the suite's own reads fail rather than hang
        mongo = MongoClients.create(uri + "/?connectTimeoutMS=5000&socketTimeoutMS=20000&serverSelectionTimeoutMS=10000");
    }

    MongoClient client() {
        return mongo;
    }

    /** Events stored but not yet acknowledged by the broker, over every service; -1 when the store cannot say. */
    long unpublished() {
        try {
            long pending = 0;
            for (Map.Entry<String, String[]> service : OUTBOXES.entrySet()) {
                for (String collection : service.getValue()) {
                    pending += mongo.getDatabase(Cluster.database(service.getKey())).getCollection(collection)
                            .countDocuments(Filters.exists("outbox.entryId"));
                }
            }
            return pending;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        mongo.close();
    }
}
