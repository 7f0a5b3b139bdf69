package com.caseflow.support.deadletter;

import com.caseflow.events.CloudEventHeaders;
import com.caseflow.events.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The dead-letter topics of the topics a service consumes: their records listed with their errors, and chosen ones
 * published again to the topic they came from, once the cause is fixed. A listing shows what identifies a record and
 * its error, never its payload: that holds customers' names and numbers.
 */
public class DeadLetters {

    /** Set on a replayed record: where it was taken from. */
    public static final String REPLAYED_FROM = "x-caseflow-replayed-from";
    private static final String EXCEPTION_MESSAGE = "x-exception-message";
    private static final String EXCEPTION_FQCN = "x-exception-fqcn";
    /** Headers the binder adds when it dead-letters a record; a replayed record goes without them. */
    private static final List<String> DEAD_LETTER_HEADERS = List.of("x-exception-", "x-original-");
    private static final Pattern NUMBERS = Pattern.compile("\\d[\\d\\- ]{5,}\\d");
    private static final Pattern QUOTED_HAN = Pattern.compile("([\"'“])[^\"'”]*\\p{IsHan}[^\"'”]*([\"'”])");
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    /** Where a record is. */
    public record Coordinates(String topic, int partition, long offset) {

        @Override
        public String toString() {
            return topic + "/" + partition + "/" + offset;
        }
    }

    /** A dead letter as an operator sees it. */
    public record Listed(String topic, int partition, long offset, String key, OffsetDateTime at, String eventId,
                         String eventType, String error, String errorType) {
    }

    private final Supplier<List<String>> consumedTopics;
    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaTemplate<String, byte[]> producer;
    private final JsonMapper json;
    private final Clock clock;

    public DeadLetters(Supplier<List<String>> consumedTopics, ConsumerFactory<String, byte[]> consumers,
                       KafkaTemplate<String, byte[]> producer, JsonMapper json, Clock clock) {
        this.consumedTopics = consumedTopics;
        this.consumers = consumers;
        this.producer = producer;
        this.json = json;
        this.clock = clock;
    }

    /** The dead-letter topics this service's consumers write to. */
    public List<String> topics() {
        return consumedTopics.get().stream().map(Topics::deadLetter).distinct().sorted().toList();
    }

    /** Whether the name is one of {@link #topics()}, with or without its {@code .dlq}. */
    public Optional<String> deadLetterTopic(String name) {
        String topic = name.endsWith(".dlq") ? name : Topics.deadLetter(name);
        return topics().contains(topic) ? Optional.of(topic) : Optional.empty();
    }

    /** The newest {@code limit} records of each partition of a dead-letter topic, newest first. */
    public List<Listed> list(String deadLetterTopic, int limit) {
        List<Listed> listed = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = consumers.createConsumer(null, "dead-letters", null)) {
            List<TopicPartition> partitions = partitions(consumer, deadLetterTopic);
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, PATIENCE);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, PATIENCE);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(begin.get(partition), end.get(partition) - limit));
            }
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + deadLetterTopic + " within " + PATIENCE);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        listed.add(listed(record));
                    }
                }
            }
        }
        listed.sort(Comparator.comparing(Listed::at).reversed());
        return listed;
    }

    /** The records at these coordinates; empty for one that is not there (any more). */
    public Map<Coordinates, Optional<ConsumerRecord<String, byte[]>>> find(List<Coordinates> wanted) {
        Map<Coordinates, Optional<ConsumerRecord<String, byte[]>>> found = new java.util.LinkedHashMap<>();
        try (Consumer<String, byte[]> consumer = consumers.createConsumer(null, "dead-letters", null)) {
            for (Coordinates coordinates : wanted) {
                found.put(coordinates, read(consumer, coordinates));
            }
        }
        return found;
    }

    /**
     * Publishes a dead letter again to the topic it came from, with its key and headers, without the binder's error
     * headers, marked as replayed; returns once the broker acknowledged it. The consumers' dedupe on the event id
     * makes a second replay of the same record harmless.
     */
    public void replay(Coordinates from, ConsumerRecord<String, byte[]> record)
            throws InterruptedException, ExecutionException, TimeoutException {
        String original = header(record, "x-original-topic");
        if (original == null || !consumedTopics.get().contains(original)) {
            original = from.topic().substring(0, from.topic().length() - ".dlq".length());
        }
        ProducerRecord<String, byte[]> again = new ProducerRecord<>(original, record.key(), record.value());
        for (Header header : record.headers()) {
            if (DEAD_LETTER_HEADERS.stream().noneMatch(header.key()::startsWith)) {
                again.headers().add(header);
            }
        }
        again.headers().add(new RecordHeader(REPLAYED_FROM, from.toString().getBytes(StandardCharsets.UTF_8)));
        producer.send(again).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Optional<ConsumerRecord<String, byte[]>> read(Consumer<String, byte[]> consumer, Coordinates at) {
        TopicPartition partition = new TopicPartition(at.topic(), at.partition());
        if (partitions(consumer, at.topic()).stream().noneMatch(partition::equals)) {
            return Optional.empty();
        }
        consumer.assign(List.of(partition));
        long end = consumer.endOffsets(List.of(partition), PATIENCE).get(partition);
        long begin = consumer.beginningOffsets(List.of(partition), PATIENCE).get(partition);
        if (at.offset() < begin || at.offset() >= end) {
            return Optional.empty();
        }
        consumer.seek(partition, at.offset());
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() == at.offset()) {
                    return Optional.of(record);
                }
                if (record.offset() > at.offset()) {
                    return Optional.empty();
                }
            }
        }
        throw new IllegalStateException("could not read " + at + " within " + PATIENCE);
    }

    private static List<TopicPartition> partitions(Consumer<String, byte[]> consumer, String topic) {
        List<PartitionInfo> found = consumer.partitionsFor(topic, PATIENCE);
        return found == null ? List.of() : found.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private Listed listed(ConsumerRecord<String, byte[]> record) {
        String eventId = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (eventId == null || type == null) {
            JsonNode envelope = envelope(record.value());
            eventId = eventId != null ? eventId : text(envelope, "eventId");
            type = type != null ? type : text(envelope, "type");
        }
        String fqcn = header(record, EXCEPTION_FQCN);
        return new Listed(record.topic(), record.partition(), record.offset(), record.key(),
                OffsetDateTime.ofInstant(Instant.ofEpochMilli(record.timestamp()), clock.getZone()), eventId, type,
                masked(header(record, EXCEPTION_MESSAGE)),
                fqcn == null ? null : fqcn.substring(fqcn.lastIndexOf('.') + 1));
    }

    private JsonNode envelope(byte[] value) {
        try {
            return value == null ? null : json.readTree(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return node == null || !node.path(field).isString() ? null : node.path(field).asString();
    }

    /**
     * An error message may quote the record it failed on: numbers of seven digits or more and quoted texts in
     * Chinese (names, addresses) are masked, and the message cut to 500 characters.
     */
    static String masked(String message) {
        if (message == null) {
            return null;
        }
        String masked = NUMBERS.matcher(message).replaceAll("***");
        masked = QUOTED_HAN.matcher(masked).replaceAll("$1***$2");
        return masked.length() > 500 ? masked.substring(0, 500) + "…" : masked;
    }

    void close() {
        producer.getProducerFactory().reset();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
