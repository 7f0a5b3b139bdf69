package com.caseflow.faults;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.caseflow.events.Topics.ALL;
import static com.caseflow.events.Topics.deadLetter;

/**
 * What the broker holds, seen from outside the services: every record of every topic and dead-letter topic, read as it
 * arrives by a consumer without a group, and the lag of every consumer group.
 */
final class Topics implements AutoCloseable {

    /** A record as the suite keeps it: where it sits, its key, its value as text and its headers as text. */
    record Seen(String topic, int partition, long offset, String key, String value, Map<String, String> headers) {
    }

    static final List<String> WATCHED = ALL.stream()
            .flatMap(topic -> java.util.stream.Stream.of(topic, deadLetter(topic))).toList();

    private final String bootstrap;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread reader;
    private volatile boolean closed;

    Topics(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(settings);
        List<TopicPartition> partitions = new ArrayList<>();
        WATCHED.forEach(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        reader = new Thread(this::read, "fault-suite-topics");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            while (!closed) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), header.value() == null ? ""
                                : new String(header.value(), StandardCharsets.UTF_8));
                    }
                    seen.add(new Seen(record.topic(), record.partition(), record.offset(), record.key(),
                            record.value(), headers));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** The records of one topic so far, in the order of each partition. */
    List<Seen> of(String topic) {
        return seen.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    /** Lag of every consumer group of the services, by group: end offset minus committed offset, over partitions. */
    Map<String, Long> lag() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                8000))) {
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (String topic : ALL) {
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> end = admin.listOffsets(ends).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            Map<String, Long> lag = new LinkedHashMap<>();
            Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get();
            for (ConsumerGroupListing group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get();
                long total = 0;
                for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                    if (!consumes(committed, partition.getKey().topic())) {
                        continue;
                    }
                    OffsetAndMetadata at = committed.get(partition.getKey());
                    total += partition.getValue() - (at == null ? 0 : at.offset());
                }
                lag.put(group.groupId(), total);
            }
            return lag;
        } catch (Exception e) {
            return Map.of("(broker unreachable)", -1L);
        }
    }

    /** A group consumes a topic when it has committed on any of the topic's partitions. */
    private static boolean consumes(Map<TopicPartition, OffsetAndMetadata> committed, String topic) {
        return committed.keySet().stream().anyMatch(p -> p.topic().equals(topic));
    }

    /** Total over all groups; -1 when the broker cannot say. */
    static long total(Map<String, Long> lag) {
        return lag.values().stream().anyMatch(v -> v < 0) ? -1 : lag.values().stream().mapToLong(Long::longValue).sum();
    }

    static <T> Map<String, List<T>> by(Collection<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
