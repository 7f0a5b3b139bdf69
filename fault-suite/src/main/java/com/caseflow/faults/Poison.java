package com.caseflow.faults;

import com.caseflow.events.EventTypes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.caseflow.events.Topics.CASES;
import static com.caseflow.events.Topics.CONTACTS;
import static com.caseflow.events.Topics.EVALUATIONS;
import static com.caseflow.events.Topics.FOLLOWUPS;

/**
 * Records no consumer can process, written straight to every topic the services read, between the valid ones the load
 * causes: JSON cut off mid-way, an event type the contracts do not know, and a known type of a schema version newer
 * than any service reads.
 */
final class Poison {

    static final String PREFIX = "poison-";

    enum Kind { BAD_JSON, UNKNOWN_TYPE, NEWER_SCHEMA }

    /** One poison record and the consumer groups that must dead-letter it. */
    record Sent(String topic, String key, Kind kind, List<String> groups) {
    }

    /** The consumer groups of each topic (architecture.md's map). */
    static final Map<String, List<String>> READERS = Map.of(
            CONTACTS, List.of("routing-service", "evaluation-service"),
            CASES, List.of("followup-service", "evaluation-service"),
            FOLLOWUPS, List.of("routing-service", "followup-service", "evaluation-service"),
            EVALUATIONS, List.of("evaluation-service"));

    /** For the newer schema: a type that a reader of the topic parses rather than skips. */
    private static final Map<String, String> READ_TYPE = Map.of(
            CONTACTS, EventTypes.CONTACT_RECEIVED,
            CASES, EventTypes.CASE_ROUTED,
            FOLLOWUPS, EventTypes.CASE_REOPEN_REQUESTED,
            EVALUATIONS, EventTypes.SPOT_CHECK_RECORDED);

    static List<Sent> inject(String bootstrap, String round) throws Exception {
        List<Sent> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (String topic : List.of(CONTACTS, CASES, FOLLOWUPS, EVALUATIONS)) {
                for (Kind kind : Kind.values()) {
                    String key = PREFIX + round + "-" + kind.name().toLowerCase() + "-" + topic;
                    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value(kind, topic, key));
                    if (kind != Kind.BAD_JSON) {
                        String type = kind == Kind.UNKNOWN_TYPE ? "caseflow.case.teleported.v1" : READ_TYPE.get(topic);
                        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
                    }
                    producer.send(record).get(30, TimeUnit.SECONDS);
                    sent.add(new Sent(topic, key, kind, mustDeadLetter(topic, kind)));
                }
            }
        }
        return sent;
    }

    /**
     * Every reader parses a record without a type header, and a type no contract knows is poison to every reader; a
     * known type is only read by the groups that need it: on {@code followups} routing reads reopen requests.
     */
    private static List<String> mustDeadLetter(String topic, Kind kind) {
        if (kind == Kind.NEWER_SCHEMA && topic.equals(FOLLOWUPS)) {
            return List.of("routing-service");
        }
        return READERS.get(topic);
    }

    private static String value(Kind kind, String topic, String key) {
        return switch (kind) {
            case BAD_JSON -> "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"caseflow.contact.rec";
            case UNKNOWN_TYPE -> envelope("caseflow.case.teleported.v1", 1, key, "{\"caseId\":\"" + key + "\"}");
            case NEWER_SCHEMA -> envelope(READ_TYPE.get(topic), 99, key,
                    "{\"caseId\":\"" + key + "\",\"contactId\":\"" + key + "\",\"agentId\":\"A001\"}");
        };
    }

    private static String envelope(String type, int schemaVersion, String key, String data) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"schemaVersion\":"
                + schemaVersion + ",\"occurredAt\":\"" + Instant.now() + "\",\"key\":\"" + key
                + "\",\"correlationId\":\"" + key + "\",\"data\":" + data + "}";
    }
}
