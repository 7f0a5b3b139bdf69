package com.caseflow.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Prints the newest records of a topic with their key and CloudEvents type, then exits: a look at what the services
 * published without installing Kafka's command-line tools. {@code infra/bin/kafka-tail TOPIC [--last=N]}.
 */
public final class TopicTail {

    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: infra/bin/kafka-tail TOPIC [--last=N] [--bootstrap=HOST:PORT]");
            System.exit(2);
        }
        String topic = args[0];
        int last = 5;
        String bootstrap = StackSettings.defaults().kafkaBootstrap();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--last=")) {
                last = Integer.parseInt(args[i].substring("--last=".length()));
            } else if (args[i].startsWith("--bootstrap=")) {
                bootstrap = args[i].substring("--bootstrap=".length());
            }
        }
        List<ConsumerRecord<String, byte[]>> records = newest(bootstrap, topic, last, Duration.ofSeconds(10));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (records.isEmpty()) {
            out.println("(no records on " + topic + ")");
        }
        records.forEach(r -> out.printf("%s %s-%d@%d key=%s type=%s id=%s%n  %s%n",
                Instant.ofEpochMilli(r.timestamp()).atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime(),
                r.topic(), r.partition(), r.offset(), r.key(), header(r, "ce_type"), header(r, "ce_id"),
                r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8)));
    }

    static List<ConsumerRecord<String, byte[]>> newest(String bootstrap, String topic, int last, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, timeout);
            partitions.forEach(p -> consumer.seek(p, Math.max(begins.get(p), ends.get(p) - last)));
            List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
            read.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
            return read.subList(Math.max(0, read.size() - last), read.size());
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private TopicTail() {
    }
}
