package com.caseflow.support.consumer.outage;

import com.caseflow.events.Topics;
import com.caseflow.support.consumer.PoisonRecordException;
import com.caseflow.support.testing.EmbeddedMongo;
import com.caseflow.support.testing.FreezableProxy;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.messaging.Message;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer whose store freezes keeps the record it holds, however long the store stays away, and applies it once
 * when the store is back; poison still goes straight to the dead-letter topic with its error. The store is frozen
 * for many times the retry budget the bindings had before (a few in-listener tries, then the dead-letter topic).
 */
@SpringBootTest(classes = StoreOutageConsumerTests.Ledger.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.cloud.function.definition=apply",
                "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
                "spring.cloud.stream.bindings.apply-in-0.destination=" + StoreOutageConsumerTests.TOPIC,
                "spring.cloud.stream.bindings.apply-in-0.group=ledger",
                // as in the services: no retries inside the listener, transient failures retried by the container
                "spring.cloud.stream.bindings.apply-in-0.consumer.max-attempts=1",
                "spring.cloud.stream.kafka.bindings.apply-in-0.consumer.enable-dlq=true",
                "spring.cloud.stream.kafka.binder.consumer-properties.auto.offset.reset=earliest",
                // a poll thread held by retries for longer than this would cost the consumer its partition
                "spring.cloud.stream.kafka.binder.consumer-properties.max.poll.interval.ms=6000",
                "caseflow.mongo.server-selection-timeout=1s",
                "caseflow.mongo.connect-timeout=1s",
                "caseflow.mongo.socket-timeout=1s",
                "caseflow.mongo.pool-max-wait=1s",
                "caseflow.consumer.retry.initial-interval=200ms",
                "caseflow.consumer.retry.max-interval=1s"})
@EmbeddedKafka(partitions = 1, topics = {StoreOutageConsumerTests.TOPIC, StoreOutageConsumerTests.TOPIC + ".dlq"})
class StoreOutageConsumerTests {

    static final String TOPIC = "ledger";
    private static final URI MONGO = URI.create(EmbeddedMongo.freshDatabaseUri());
    private static final FreezableProxy STORE = FreezableProxy.to(MONGO.getHost(), MONGO.getPort());

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + STORE.port() + MONGO.getPath());
        TestIdentityProvider.register(registry);
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;
    @Autowired
    EmbeddedKafkaBroker kafka;

    @AfterAll
    static void closeProxy() throws Exception {
        STORE.close();
    }

    @Test
    void whenTheStoreIsFrozenLongerThanAnyRetryBudgetThenTheRecordWaitsAndIsAppliedOnceItIsBack() {
        try (KafkaProducer<String, String> producer = producer();
             TopicReader deadLetters = new TopicReader(kafka.getBrokersAsString(), Topics.deadLetter(TOPIC))) {
            producer.send(new ProducerRecord<>(TOPIC, "warm-up", "entry"));
            await().atMost(Duration.ofSeconds(90)).until(() -> applied("warm-up") == 1);

            STORE.freeze();
            producer.send(new ProducerRecord<>(TOPIC, "during-outage", "entry"));
            // tried again and again while the store is away: more tries than the old in-listener budget allowed
            await().atMost(Duration.ofSeconds(90)).until(() -> Ledger.TRIES.get() >= 10
                    || !deadLetters.read(r -> "during-outage".equals(r.key()), 1, Duration.ofMillis(100)).isEmpty());
            assertThat(deadLetters.read(r -> true, 0, Duration.ZERO)).as("dead-lettered while the store was away")
                    .isEmpty();
            STORE.thaw();

            // read through the test's own client, which reconnects too: it may still fail for a moment
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> applied("during-outage") == 1);
            // a poison record behind it on the same partition: once it is in the dead-letter topic, everything
            // before it has been dealt with
            producer.send(new ProducerRecord<>(TOPIC, "marker", "poison"));
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.readUntil(r -> "marker".equals(r.key()),
                    Duration.ofSeconds(90));

            assertThat(dead).extracting(ConsumerRecord::key).containsExactly("marker");
            assertThat(TopicReader.header(dead.get(0), "x-exception-message")).contains("a poison record");
            assertThat(TopicReader.header(dead.get(0), "x-original-topic")).isEqualTo(TOPIC);
        }
        assertThat(applied("during-outage")).isEqualTo(1);
        assertThat(applied("warm-up")).isEqualTo(1);
        assertThat(meters.counter("caseflow.dead.letters", "topic", TOPIC).count()).isEqualTo(1.0);
        assertThat(meters.counter("caseflow.consumer.store.retries", "topic", TOPIC).count()).isGreaterThanOrEqualTo(9);
    }

    private int applied(String key) {
        Document entry = mongo.findById(key, Document.class, "ledger");
        return entry == null ? 0 : entry.getInteger("applied", 0);
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()),
                new StringSerializer(), new StringSerializer());
    }

    /** A consumer that counts each record it applies in its store. */
    @SpringBootApplication
    static class Ledger {

        static final AtomicInteger TRIES = new AtomicInteger();

        @Bean
        Consumer<Message<byte[]>> apply(MongoTemplate mongo) {
            return message -> {
                if ("poison".equals(new String(message.getPayload()))) {
                    throw new PoisonRecordException("a poison record");
                }
                Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
                String id = key instanceof byte[] bytes ? new String(bytes) : String.valueOf(key);
                if (id.equals("during-outage")) {
                    TRIES.incrementAndGet();
                }
                mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update().inc("applied", 1), "ledger");
            };
        }
    }
}
