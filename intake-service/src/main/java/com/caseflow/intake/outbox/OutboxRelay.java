package com.caseflow.intake.outbox;

import com.caseflow.events.CloudEventHeaders;
import com.caseflow.intake.contacts.persistence.ContactDocument;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox entries to Kafka and then marks them published. A stored contact hands its entry over in memory,
 * so the event is on its topic milliseconds after the 201 without a query; a periodic sweep of the store publishes
 * whatever a crash, a full hand-off queue or a broker outage left pending. Delivery is at least once: a crash between
 * the broker's acknowledgement and the mark republishes the same event id, which consumers ignore.
 */
@Component
public class OutboxRelay implements OutboxSignal, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String STATUS = "outbox.status";

    private record Pending(String documentId, OutboxEntry entry) {
    }

    /** Wakes the worker when the application stops. */
    private static final Pending STOP = new Pending(null, null);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final CircuitBreaker breaker;
    private final OutboxProperties properties;
    private final OutboxLease lease;
    private final Clock clock;
    private final String source;
    private final BlockingQueue<Pending> handedOver = new LinkedBlockingQueue<>(10_000);
    /** Set when entries may be pending in the store: at start (a crash), after a failed send, on a full queue. */
    private volatile boolean sweepNeeded = true;
    private final AtomicLong leftInStore = new AtomicLong();
    private final Timer delay;
    private final Counter published;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, CircuitBreakerRegistry breakers,
                       OutboxProperties properties, OutboxLease lease, Clock clock, MeterRegistry meters,
                       @Value("${spring.application.name}") String applicationName) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.breaker = breakers.circuitBreaker("kafka");
        this.properties = properties;
        this.lease = lease;
        this.clock = clock;
        this.source = "/caseflow/" + applicationName;
        this.delay = Timer.builder("caseflow.outbox.publish.delay")
                .description("time from storing an event to the broker's acknowledgement")
                .publishPercentileHistogram()
                .register(meters);
        this.published = meters.counter("caseflow.outbox.published");
        Gauge.builder("caseflow.outbox.backlog", this, OutboxRelay::backlog)
                .description("events stored but not yet acknowledged by Kafka")
                .strongReference(true)
                .register(meters);
    }

    @Override
    public void entryStored(String documentId, OutboxEntry entry) {
        if (!handedOver.offer(new Pending(documentId, entry))) {
            sweepNeeded = true;
        }
    }

    /** Events known to await publication: handed over and not yet sent, or found pending by the last sweep. */
    public long backlog() {
        return handedOver.size() + leftInStore.get();
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::relayUntilStopped, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Stops after the web server has drained its requests (a lower phase stops later), publishing what was handed
     * over until then; what is left stays pending in the store for the next start or another instance.
     */
    @Override
    public void stop() {
        running = false;
        handedOver.offer(STOP);
        try {
            worker.join(properties.sendTimeout().toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Publishes what is handed over as it arrives. The store is swept only when entries may be waiting there, and
     * once in a while as a safety net: a sweep is a query over all contacts, which the embedded store of the local
     * stack answers by scanning the collection.
     */
    private void relayUntilStopped() {
        long nextSweep = 0;
        long nextSafetySweep = System.nanoTime() + properties.safetySweepInterval().toNanos();
        while (running || !handedOver.isEmpty()) {
            try {
                Pending first = handedOver.poll(properties.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (first != null && first != STOP) {
                    List<Pending> batch = new ArrayList<>(properties.batchSize());
                    batch.add(first);
                    handedOver.drainTo(batch, properties.batchSize() - 1);
                    batch.remove(STOP);
                    if (publishGuarded(batch) < batch.size()) {
                        sweepNeeded = true;
                    }
                }
                long now = System.nanoTime();
                if (running && ((sweepNeeded && now - nextSweep >= 0) || now - nextSafetySweep >= 0)) {
                    sweepNeeded = sweep();
                    nextSweep = now + properties.sweepInterval().toNanos();
                    nextSafetySweep = now + properties.safetySweepInterval().toNanos();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                // the relay must outlive any single failure: what it could not publish stays pending in the store
                log.error("Outbox relay round failed; entries stay pending: {}", e.toString());
                sweepNeeded = true;
            }
        }
    }

    /** Publishes entries left pending in the store; returns whether some are still pending afterwards. */
    private boolean sweep() throws InterruptedException {
        try {
            Set<String> queued = handedOver.stream().map(Pending::documentId).collect(Collectors.toSet());
            // entries stored a moment ago may still be on their way through the hand-off
            Instant handOffWindow = clock.instant().minus(properties.sweepInterval());
            Query pending = Query.query(Criteria.where(STATUS).is(OutboxEntry.Status.PENDING.name()))
                    .limit(properties.batchSize());
            pending.fields().include("outbox");
            List<ContactDocument> found = mongo.find(pending, ContactDocument.class);
            Instant now = clock.instant();
            List<Pending> batch = found.stream()
                    .filter(d -> !queued.contains(d.id()) && d.outbox().occurredAt().isBefore(handOffWindow))
                    .sorted(Comparator.comparing(d -> d.outbox().occurredAt()))
                    .map(d -> claim(d.id(), now))
                    .flatMap(Optional::stream)
                    .toList();
            int published = batch.isEmpty() ? 0 : publishGuarded(batch);
            leftInStore.set(found.size() - published);
            return found.size() - published > 0;
        } catch (RuntimeException e) {
            log.warn("Outbox sweep failed, retrying: {}", e.toString());
            return true;
        }
    }

    /**
     * Takes over an entry this instance holds or whose lease ran out; empty when another instance holds it. One
     * atomic update by id, so two sweeping instances never both take the same entry.
     */
    private Optional<Pending> claim(String documentId, Instant now) {
        Query claimable = Query.query(Criteria.where("_id").is(documentId)
                .and(STATUS).is(OutboxEntry.Status.PENDING.name())
                .orOperator(Criteria.where("outbox.claimedBy").is(lease.owner()),
                        Criteria.where("outbox.claimedUntil").lt(now),
                        Criteria.where("outbox.claimedUntil").is(null)));
        Update take = new Update().set("outbox.claimedBy", lease.owner()).set("outbox.claimedUntil", lease.until(now));
        return Optional.ofNullable(mongo.findAndModify(claimable, take, ContactDocument.class))
                .map(d -> new Pending(d.id(), d.outbox()));
    }

    /**
     * Publishes a batch; returns how many the broker acknowledged. The circuit breaker judges Kafka only: while it is
     * open, entries wait in the store; the store's own failures do not open it.
     */
    private int publishGuarded(List<Pending> batch) throws InterruptedException {
        if (!breaker.tryAcquirePermission()) {
            return 0;
        }
        long started = System.nanoTime();
        Round round = publish(batch);
        if (round.failure() == null) {
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } else {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, round.failure());
            log.warn("Outbox relay could not publish all of {} event(s), the rest stay pending: {}", batch.size(),
                    round.failure().toString());
        }
        return round.acknowledged();
    }

    private record Round(int acknowledged, Exception failure) {
    }

    /** Sends, waits for the acknowledgements and marks what was acknowledged. */
    private Round publish(List<Pending> batch) throws InterruptedException {
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(batch.size());
        Exception failure = null;
        for (Pending pending : batch) {
            try {
                sends.add(kafka.send(record(pending.entry())));
            } catch (RuntimeException e) {
                // no metadata within max.block.ms: the broker is unreachable, the rest would wait just as long
                failure = e;
                recordFailedAttempt(pending.documentId(), e);
                break;
            }
        }
        List<String> acknowledged = new ArrayList<>(sends.size());
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        for (int i = 0; i < sends.size(); i++) {
            Pending pending = batch.get(i);
            try {
                sends.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(pending.documentId());
                delay.record(Duration.between(pending.entry().occurredAt(), clock.instant()));
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failure = failure == null ? e : failure;
                recordFailedAttempt(pending.documentId(), e);
            }
        }
        markPublished(acknowledged);
        return new Round(acknowledged.size(), failure);
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
