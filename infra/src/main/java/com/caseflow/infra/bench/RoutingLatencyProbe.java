package com.caseflow.infra.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures how long a call takes from intake to its department's queue: subscribes to {@code cases} from its end,
 * and for every {@code CaseRouted} that arrives takes the time it was read here minus the time intake received the
 * contact ({@code data.receivedAt}). Run it next to a load run (infra/bench/routing-load); it stops after
 * {@code --idle} without new records and prints percentiles.
 *
 * usage: RoutingLatencyProbe [--bootstrap=127.0.0.1:9092] [--idle=10s]
 */
public final class RoutingLatencyProbe {

    private static final String CASE_ROUTED = "caseflow.case.routed.v1";

    public static void main(String[] args) {
        String bootstrap = option(args, "--bootstrap=", "127.0.0.1:9092");
        Duration idle = Duration.ofSeconds(Long.parseLong(option(args, "--idle=", "10s").replace("s", "")));
        JsonMapper json = JsonMapper.builder().build();
        List<Long> micros = new ArrayList<>();
        Set<String> eventIds = new HashSet<>();
        int republished = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("cases").stream()
                    .map(p -> new TopicPartition("cases", p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            System.out.println("probe listening on cases");
            System.out.flush();
            Instant lastSeen = null;
            while (lastSeen == null || Duration.between(lastSeen, Instant.now()).compareTo(idle) < 0) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Instant readAt = Instant.now();
                    Header type = record.headers().lastHeader("ce_type");
                    if (type == null || !CASE_ROUTED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        continue;
                    }
                    Header id = record.headers().lastHeader("ce_id");
                    if (id != null && !eventIds.add(new String(id.value(), StandardCharsets.UTF_8))) {
                        republished++; // the same event again: at-least-once publishing, consumers drop it by id
                        continue;
                    }
                    JsonNode received = json.readTree(record.value()).path("data").path("receivedAt");
                    if (received.isString()) {
                        micros.add(Duration.between(Instant.parse(received.asString()), readAt).toNanos() / 1000);
                        lastSeen = readAt;
                    }
                }
            }
        }
        Collections.sort(micros);
        System.out.printf("CaseRouted read: %d; contact received at intake -> CaseRouted on cases, ms: "
                        + "p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n", micros.size(), ms(micros, 0.50),
                ms(micros, 0.90), ms(micros, 0.99), ms(micros, 0.999), ms(micros, 1.0));
        if (republished > 0) {
            System.out.printf("the same CaseRouted published again (same event id, dropped by consumers): %d%n",
                    republished);
        }
    }

    private static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    private static String option(String[] args, String prefix, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return fallback;
    }

    private RoutingLatencyProbe() {
    }
}
