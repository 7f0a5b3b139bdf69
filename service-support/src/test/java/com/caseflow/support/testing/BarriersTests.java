package com.caseflow.support.testing;

import com.caseflow.support.outbox.Outbox;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox barrier sees a pending entry in any of the collections, and an emptied outbox as none. */
class BarriersTests {

    @Test
    void whenADocumentHoldsAnOutboxEntryThenSomethingIsPendingUntilItsOutboxIsEmpty() {
        ConnectionString uri = new ConnectionString(EmbeddedMongo.freshDatabaseUri());
        try (MongoClient client = MongoClients.create(uri)) {
            MongoTemplate mongo = new MongoTemplate(client, uri.getDatabase());
            mongo.insert(new Document("_id", "quiet").append(Outbox.ENTRIES, List.of()), "cases");
            assertThat(Barriers.pending(mongo, List.of("cases", "callbacks"))).isFalse();

            mongo.insert(new Document("_id", "busy").append(Outbox.ENTRIES,
                    List.of(new Document("entryId", "e-1"), new Document("entryId", "e-2"))), "callbacks");
            assertThat(Barriers.pending(mongo, List.of("cases", "callbacks"))).isTrue();

            mongo.updateFirst(Query.query(Criteria.where("_id").is("busy")), new Update().pull(Outbox.ENTRIES,
                    new Document("entryId", "e-1")), "callbacks");
            assertThat(Barriers.pending(mongo, List.of("cases", "callbacks"))).as("one left").isTrue();
            mongo.updateFirst(Query.query(Criteria.where("_id").is("busy")), new Update().set(Outbox.ENTRIES,
                    List.of()), "callbacks");
            assertThat(Barriers.pending(mongo, List.of("cases", "callbacks"))).isFalse();
            Barriers.outboxEmpty(mongo, List.of("cases", "callbacks"));
        }
    }
}
