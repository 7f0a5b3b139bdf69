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
import static com.caseflow.events.Topics.CASES;
import static com.caseflow.events.Topics.CONTACTS;
import static com.caseflow.events.Topics.FOLLOWUPS;
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

    /** The departments' own copies of case events ({@code cases.dept.*}), created as departments appear. */
    static final String DEPARTMENT_TOPICS = CASES + ".dept.";
    private static final Duration NEW_TOPICS_EVERY = Duration.ofSeconds(2);

    private final Map<String, Queue<Seen>> seen = new ConcurrentHashMap<>();
    private final List<TopicPartition> assigned = new ArrayList<>();
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
        assigned.addAll(partitions);
        consumer.assign(assigned);
        consumer.seekToBeginning(partitions);
        watchDepartmentTopics();
        reader = new Thread(this::read, "fault-suite-topics");
        reader.setDaemon(true);
        reader.start();
    }

    /** Adds the department topics that exist now and are not read yet, from their beginning (reader thread only). */
    private void watchDepartmentTopics() {
        List<TopicPartition> added = new ArrayList<>();
        consumer.listTopics(Duration.ofSeconds(10)).forEach((topic, partitions) -> {
            if (topic.startsWith(DEPARTMENT_TOPICS) && !topic.endsWith(".dlq") && !seen.containsKey(topic)) {
                seen.put(topic, new ConcurrentLinkedQueue<>());
                partitions.forEach(p -> added.add(new TopicPartition(topic, p.partition())));
            }
        });
        if (!added.isEmpty()) {
            assigned.addAll(added);
            consumer.assign(assigned);
            consumer.seekToBeginning(added);
        }
    }

    private void read() {
        long lookedForTopics = System.nanoTime();
        try {
            while (!closed) {
                if (System.nanoTime() - lookedForTopics > NEW_TOPICS_EVERY.toNanos()) {
                    lookedForTopics = System.nanoTime();
                    try {
                        watchDepartmentTopics();
                    } catch (org.apache.kafka.common.errors.TimeoutException e) {
                        // the broker is away (a fault): the next round looks again
                    }
                }
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
        Queue<Seen> records = seen.get(topic);
        return records == null ? List.of() : List.copyOf(records);
    }

    /** The department topics seen so far, with their records. */
    Map<String, List<Seen>> departmentTopics() {
        Map<String, List<Seen>> topics = new java.util.TreeMap<>();
        seen.forEach((topic, records) -> {
            if (topic.startsWith(DEPARTMENT_TOPICS)) {
                topics.put(topic, List.copyOf(records));
            }
        });
        return topics;
    }

    /**
     * Waits until this view has read every partition it reads up to the broker's end offsets of now: what it holds
     * afterwards is everything written before the call (the barrier for absences).
     */
    boolean caughtUp(Duration wait) {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : admin.listTopics().names().get()) {
                if (seen.containsKey(topic) && (topic.startsWith(CASES) || topic.startsWith(FOLLOWUPS))) {
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                            .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                }
            }
            Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            return Node.await(wait, () -> ends.entrySet().stream().allMatch(e -> readUpTo(e.getKey()) >= e.getValue()));
        } catch (Exception e) {
            return false;
        }
    }

    private long readUpTo(TopicPartition partition) {
        Queue<Seen> records = seen.get(partition.topic());
        long next = 0;
        for (Seen record : records) {
            if (record.partition() == partition.partition()) {
                next = Math.max(next, record.offset() + 1);
            }
        }
        return next;
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
