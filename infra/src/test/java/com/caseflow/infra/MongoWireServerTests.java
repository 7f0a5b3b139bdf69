package com.caseflow.infra;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Queries by id with further conditions, answered from the id index, find what MongoDB finds. */
class MongoWireServerTests {

    @TempDir
    Path dataDir;

    @Test
    void aQueryByIdWithMoreConditionsMatchesThemAllAsMongoDbDoes() throws Exception {
        int port = TestPorts.free();
        try (MongoWireServer ignored = MongoWireServer.start(dataDir.resolve("store.mv"), port);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> counters = client.getDatabase("t").getCollection("counters");
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                documents.add(new Document("_id", "d" + i).append("version", i % 5).append("n", i)
                        .append("marks", new Document("cases-0", i))
                        .append("entries", List.of(new Document("entryId", "e1"), new Document("entryId", "e2"))));
            }
            counters.insertMany(documents);

            assertThat(counters.find(Filters.and(Filters.eq("_id", "d7"), Filters.eq("version", 2))).first())
                    .extracting(d -> d.get("n")).isEqualTo(7);
            assertThat(counters.find(Filters.and(Filters.eq("_id", "d7"), Filters.eq("version", 3))).first())
                    .isNull();
            assertThat(counters.find(Filters.and(Filters.in("_id", "d1", "d2", "d3", "d4"), Filters.gt("n", 2)))
                    .map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactlyInAnyOrder("d3", "d4");

            assertThat(counters.updateOne(Filters.and(Filters.eq("_id", "d7"),
                    Filters.not(Filters.gte("marks.cases-0", 8))), Updates.combine(Updates.inc("n", 1),
                    Updates.set("marks.cases-0", 8))).getMatchedCount()).isEqualTo(1);
            assertThat(counters.updateOne(Filters.and(Filters.eq("_id", "d7"),
                    Filters.not(Filters.gte("marks.cases-0", 8))), Updates.inc("n", 1)).getMatchedCount())
                    .isZero();
            // an upsert whose conditions the document with that id fails tries an insert, refused as a duplicate
            assertThatThrownBy(() -> counters.updateOne(Filters.and(Filters.eq("_id", "d7"),
                    Filters.not(Filters.gte("marks.cases-0", 8))), Updates.inc("n", 1),
                    new UpdateOptions().upsert(true)))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(
                            ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThat(counters.find(Filters.eq("_id", "d7")).first()).extracting(d -> d.get("n")).isEqualTo(8);

            counters.updateOne(Filters.and(Filters.eq("_id", "d9"), Filters.eq("entries.entryId", "e2")),
                    Updates.set("entries.$.acknowledged", true));
            assertThat(counters.find(Filters.eq("_id", "d9")).first().getList("entries", Document.class))
                    .extracting(d -> d.get("acknowledged")).containsExactly(null, true);
            assertThat(counters.deleteOne(Filters.and(Filters.eq("_id", "d9"), Filters.eq("version", 0)))
                    .getDeletedCount()).isZero();
            assertThat(counters.countDocuments(Filters.gte("n", 0))).isEqualTo(300);
        }

        try (MongoWireServer ignored = MongoWireServer.start(dataDir.resolve("store.mv"), port);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> counters = client.getDatabase("t").getCollection("counters");
            assertThat(counters.find(Filters.and(Filters.eq("_id", "d7"), Filters.eq("marks.cases-0", 8))).first())
                    .as("after a restart").extracting(d -> d.get("n")).isEqualTo(8);
        }
    }
}
