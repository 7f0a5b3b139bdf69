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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.caseflow.events.Topics.ALL;
import static com.caseflow.events.Topics.CONTACTS;
import static com.caseflow.events.Topics.deadLetter;

/**
 * What the broker holds, seen from outside the services: every record of every topic and dead-letter topic, read as it
 * arrives by a consumer without a group, and the lag of every consumer group.
 */
final class BrokerView implements AutoCloseable {

    /** A record as the suite keeps it: where it sits, its key, its value as text and its headers as text. */
    record Seen(String topic, int partition, long offset, String key, String value, Map<String, String> headers) {
    }

    private static final List<String> WATCHED = ALL.stream()
            .flatMap(topic -> Stream.of(topic, deadLetter(topic))).toList();

    private final Map<String, Queue<Seen>> seen = new ConcurrentHashMap<>();
    private final Set<String> contactKeys = ConcurrentHashMap.newKeySet();
    private final KafkaConsumer<String, String> consumer;
    private final Admin admin;
    private final Thread reader;
    private volatile boolean closed;

    BrokerView(String bootstrap) {
        WATCHED.forEach(topic -> seen.put(topic, new ConcurrentLinkedQueue<>()));
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(settings);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                8000));
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
                    seen.get(record.topic()).add(new Seen(record.topic(), record.partition(), record.offset(),
                            record.key(), record.value(), headers));
                    if (record.topic().equals(CONTACTS) && record.key() != null) {
                        contactKeys.add(record.key());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** The records of one topic so far, each partition's in their order. */
    List<Seen> of(String topic) {
        return List.copyOf(seen.get(topic));
    }

    boolean published(String contactId) {
        return contactKeys.contains(contactId);
    }

    /**
     * Lag of every consumer group, by group: over every partition of every topic the group has committed on, the end
     * offset minus the committed one (the whole partition when it has committed nothing there yet).
     */
    Map<String, Long> lag() {
        try {
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(ALL).allTopicNames().get().forEach((topic, description) -> description.partitions()
                    .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> end = admin.listOffsets(ends).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            Map<String, Long> lag = new LinkedHashMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get();
                Set<String> topics = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
                long total = 0;
                for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                    if (topics.contains(partition.getKey().topic())) {
                        OffsetAndMetadata at = committed.get(partition.getKey());
                        total += partition.getValue() - (at == null ? 0 : at.offset());
                    }
                }
                lag.put(group.groupId(), total);
            }
            return lag;
        } catch (Exception e) {
            return Map.of("(broker unreachable)", -1L);
        }
    }

    /** Total over all groups; -1 when the broker cannot say. */
    long totalLag() {
        return total(lag());
    }

    static long total(Map<String, Long> lag) {
        return lag.values().stream().anyMatch(v -> v < 0) ? -1 : lag.values().stream().mapToLong(Long::longValue).sum();
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
        admin.close(Duration.ofSeconds(5));
    }
}
