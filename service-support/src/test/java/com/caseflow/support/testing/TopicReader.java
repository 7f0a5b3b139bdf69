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
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A plain Kafka consumer, as any other system would read our topics: no Spring, no shared code. It reads every
 * partition of one topic from the beginning, without a consumer group.
 *
 * <p>To show that something was <em>not</em> published, never read for a while and see nothing: first pass a barrier
 * that proves the producer is done with it ({@link Barriers}: the group that consumed the input has committed past
 * it, the producer's outbox is empty), then {@link #readToEnd()}; or publish a marker behind it on the same
 * partition and {@link #readUntil} the marker arrives.
 */
public final class TopicReader implements AutoCloseable {

    /** How long a read may take on a loaded 2-core machine before the test fails. */
    public static final Duration PATIENCE = Duration.ofSeconds(90);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        this.topic = topic;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList(), found -> !found.isEmpty());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every record read so far plus whatever arrives within {@code wait} that matches. */
    public List<ConsumerRecord<String, byte[]>> read(Predicate<ConsumerRecord<String, byte[]>> matching,
                                                     int atLeast, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (seen.stream().filter(matching).count() < atLeast && System.nanoTime() < deadline) {
            poll();
        }
        return seen.stream().filter(matching).toList();
    }

    public List<ConsumerRecord<String, byte[]>> withKey(String key, Duration wait) {
        return read(r -> key.equals(r.key()), 1, wait);
    }

    /**
     * Reads up to the topic's end offsets as they are now and returns every record read so far. Behind a barrier
     * that proves the producer is done, this is all it will ever publish about what the barrier covers.
     */
    public List<ConsumerRecord<String, byte[]>> readToEnd() {
        return readToEnd(PATIENCE);
    }

    /** {@link #readToEnd()}, with its own patience. */
    public List<ConsumerRecord<String, byte[]>> readToEnd(Duration wait) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        long deadline = System.nanoTime() + wait.toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read " + topic + " to its end offsets " + end + " within " + wait);
            }
            poll();
        }
        return List.copyOf(seen);
    }

    /**
     * Reads until a record matching {@code marker} arrives and returns every record read so far. A marker sent
     * behind other records on the same partition (the same key) proves that those were handled before it.
     */
    public List<ConsumerRecord<String, byte[]>> readUntil(Predicate<ConsumerRecord<String, byte[]>> marker,
                                                          Duration wait) {
        if (read(marker, 1, wait).isEmpty()) {
            throw new AssertionError("the marker did not arrive on " + topic + " within " + wait);
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

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
