package com.caseflow.support.testing;

import com.caseflow.support.outbox.Outbox;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Proof that a service is done with what a test gave it, so that an absence can be asserted: no test waits a while
 * and takes silence for an answer. Each waits for its condition, within bounds that hold on a loaded 2-core machine.
 */
public final class Barriers {

    public static final Duration PATIENCE = Duration.ofSeconds(90);

    /**
     * Waits until {@code group} has committed, on every partition of {@code topics}, an offset at or past the end
     * offset the partition has now: every record published before the call has been processed (a listener commits
     * after it returns, its state and outbox written or its record dead-lettered).
     */
    public static void consumed(String bootstrapServers, String group, String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, Long> end = endOffsets(admin, List.of(topics));
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue());
            });
        }
    }

    /**
     * Waits until no document of {@code collections} (the service's {@code caseflow.outbox.collections}) holds a
     * pending outbox entry: every event written before the call has been acknowledged by the broker.
     */
    public static void outboxEmpty(MongoTemplate mongo, Collection<String> collections) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> !pending(mongo, collections));
    }

    /** Whether a document of {@code collections} holds an outbox entry not yet acknowledged by the broker. */
    static boolean pending(MongoTemplate mongo, Collection<String> collections) {
        Query pending = Query.query(Criteria.where(Outbox.ENTRIES + ".0").exists(true));
        return collections.stream().anyMatch(c -> mongo.exists(pending, c));
    }

    /** {@link #outboxEmpty(MongoTemplate, Collection)} of a service running as a process, by its database's URI. */
    public static void outboxEmpty(String mongoUri, Collection<String> collections) {
        ConnectionString uri = new ConnectionString(mongoUri);
        try (MongoClient client = MongoClients.create(uri)) {
            outboxEmpty(new MongoTemplate(client, uri.getDatabase()), collections);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics) {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                    description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                            OffsetSpec.latest())));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("end offsets of " + topics, e.getCause());
        }
    }

    private Barriers() {
    }
}
