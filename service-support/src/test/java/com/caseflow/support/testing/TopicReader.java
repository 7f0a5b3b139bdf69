package com.caseflow.support.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** A plain Kafka consumer, as any other system would read our topics: no Spring, no shared code. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        this.topic = topic;
    }

    /**
     * Every record read so far, after reading each partition up to its end offset as of this call: whatever was
     * published before the call is among them. The barrier that proves an absence.
     */
    public List<ConsumerRecord<String, byte[]>> readToEnd(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList());
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            if (consumer.assignment().containsAll(end.keySet())
                    && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                return List.copyOf(seen);
            }
        }
        throw new AssertionError(topic + " was not read to its end offsets " + end + " within " + wait);
    }

    /** Every record read so far plus whatever arrives within {@code wait} that matches. */
    public List<ConsumerRecord<String, byte[]>> read(Predicate<ConsumerRecord<String, byte[]>> matching,
                                                     int atLeast, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (seen.stream().filter(matching).count() < atLeast && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return seen.stream().filter(matching).toList();
    }

    public List<ConsumerRecord<String, byte[]>> withKey(String key, Duration wait) {
        return read(r -> key.equals(r.key()), 1, wait);
    }

    /** Keeps reading for the whole {@code wait}: to show that nothing more arrives. */
    public List<ConsumerRecord<String, byte[]>> drain(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    public long endOffsetSum(String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
