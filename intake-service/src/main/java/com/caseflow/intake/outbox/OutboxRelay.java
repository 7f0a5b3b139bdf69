package com.caseflow.intake.outbox;

import com.caseflow.events.CloudEventHeaders;
import com.caseflow.intake.contacts.persistence.ContactDocument;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes pending outbox entries to Kafka and then marks them published. A stored contact wakes it at once, so an
 * event is on its topic milliseconds after the 201; a periodic sweep picks up whatever a crash or a broker outage
 * left behind. Delivery is at least once: a crash between the broker's acknowledgement and the mark republishes the
 * same event id, which consumers ignore.
 */
@Component
public class OutboxRelay implements OutboxSignal, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String STATUS = "outbox.status";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final CircuitBreaker breaker;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String source;
    private final Semaphore signal = new Semaphore(0);
    private final Timer delay;
    private final Counter published;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, CircuitBreakerRegistry breakers,
                       OutboxProperties properties, Clock clock, MeterRegistry meters,
                       @Value("${spring.application.name}") String applicationName) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.breaker = breakers.circuitBreaker("kafka");
        this.properties = properties;
        this.clock = clock;
        this.source = "/caseflow/" + applicationName;
        this.delay = Timer.builder("caseflow.outbox.publish.delay")
                .description("time from storing an event to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(meters);
        this.published = meters.counter("caseflow.outbox.published");
        Gauge.builder("caseflow.outbox.backlog", this, OutboxRelay::backlog)
                .description("events stored but not yet acknowledged by Kafka")
                .strongReference(true)
                .register(meters);
    }

    @Override
    public void entryStored() {
        signal.release();
    }

    public long backlog() {
        return mongo.count(Query.query(Criteria.where(STATUS).is(OutboxEntry.Status.PENDING.name())),
                ContactDocument.COLLECTION);
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::relayUntilStopped, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        signal.release();
        try {
            worker.join(properties.sendTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void relayUntilStopped() {
        while (running) {
            try {
                int relayed = relayBatch();
                if (relayed < properties.batchSize()) {
                    awaitSignal(properties.sweepInterval());
                }
            } catch (CallNotPermittedException brokerUnavailable) {
                awaitSignal(properties.sweepInterval());
            } catch (RuntimeException e) {
                log.warn("Outbox relay round failed, retrying: {}", e.toString());
                awaitSignal(properties.sweepInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void awaitSignal(Duration atMost) {
        try {
            signal.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS);
            signal.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Publishes one batch of pending entries, oldest first; returns how many were published. */
    int relayBatch() throws InterruptedException {
        Query pending = Query.query(Criteria.where(STATUS).is(OutboxEntry.Status.PENDING.name()))
                .with(Sort.by("outbox.occurredAt"))
                .limit(properties.batchSize());
        pending.fields().include("outbox");
        List<ContactDocument> batch = mongo.find(pending, ContactDocument.class);
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            return breaker.executeCallable(() -> publish(batch));
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int publish(List<ContactDocument> batch) throws Exception {
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(batch.size());
        Exception failure = null;
        for (ContactDocument document : batch) {
            try {
                sends.add(kafka.send(record(document.outbox())));
            } catch (RuntimeException e) {
                // no metadata within max.block.ms: the broker is unreachable, the rest would wait just as long
                failure = e;
                recordFailedAttempt(document.id(), e);
                break;
            }
        }
        List<String> acknowledged = new ArrayList<>(sends.size());
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        for (int i = 0; i < sends.size(); i++) {
            OutboxEntry entry = batch.get(i).outbox();
            try {
                sends.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(batch.get(i).id());
                delay.record(Duration.between(entry.occurredAt(), clock.instant()));
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failure = failure == null ? e : failure;
                recordFailedAttempt(batch.get(i).id(), e);
            }
        }
        markPublished(acknowledged);
        if (failure != null) {
            throw failure;
        }
        return acknowledged.size();
    }

    private ProducerRecord<String, byte[]> record(OutboxEntry entry) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(entry.topic(), entry.key(),
                entry.payload().getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.ID, entry.eventId());
        header(record, CloudEventHeaders.TYPE, entry.type());
        header(record, CloudEventHeaders.SOURCE, source);
        header(record, CloudEventHeaders.TIME, entry.occurredAt().toString());
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private void markPublished(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)),
                new Update().set(STATUS, OutboxEntry.Status.PUBLISHED.name()).set("outbox.publishedAt", now),
                ContactDocument.class);
        published.increment(ids.size());
    }

    private void recordFailedAttempt(String id, Exception error) {
        Throwable cause = error.getCause() == null ? error : error.getCause();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().inc("outbox.attempts", 1).set("outbox.lastError", cause.getClass().getSimpleName()),
                ContactDocument.class);
    }
}
