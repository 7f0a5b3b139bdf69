package com.caseflow.support.outbox;

import com.caseflow.events.CloudEventHeaders;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the outbox entries of a service's documents to Kafka and then removes them. A write hands its document
 * over in memory, so its events are on their topics milliseconds later without a query; a sweep of the store
 * publishes whatever a crash, a full hand-off queue or a broker outage left pending. One worker publishes a
 * document's entries in the order they were written and removes only an acknowledged prefix, so the events of one
 * document reach their partition in order. Delivery is at least once: a crash between the broker's acknowledgement
 * and the removal republishes the same event id, which consumers ignore.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String CLAIM_BY = Outbox.CLAIM + ".by";
    private static final String CLAIM_UNTIL = Outbox.CLAIM + ".until";
    private static final String PENDING = Outbox.ENTRIES + ".entryId";

    /** A document with pending entries; {@code entries} are known when the document was just inserted. */
    private record Pending(String collection, String documentId, List<OutboxEntry> entries) {

        boolean sameDocument(Pending other) {
            return collection.equals(other.collection) && documentId.equals(other.documentId);
        }
    }

    /** Wakes the worker when the application stops. */
    private static final Pending STOP = new Pending(null, null, null);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final CircuitBreaker breaker;
    private final OutboxProperties properties;
    private final Outbox outbox;
    private final Clock clock;
    private final String source;
    private final BlockingQueue<Pending> handedOver = new LinkedBlockingQueue<>(10_000);
    /** Set when entries may be pending in the store: at start (a crash), after a failed send, on a full queue. */
    private volatile boolean sweepNeeded = true;
    private final AtomicLong leftInStore = new AtomicLong();
    /** When another instance's claim on entries seen by the last sweep runs out: they may need taking over then. */
    private volatile Instant sweepAfterClaim;
    private final Timer delay;
    private final Counter published;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, CircuitBreaker breaker,
                       OutboxProperties properties, Outbox outbox, Clock clock, MeterRegistry meters,
                       String applicationName) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.breaker = breaker;
        this.properties = properties;
        this.outbox = outbox;
        this.clock = clock;
        this.source = "/caseflow/" + applicationName;
        this.delay = Timer.builder("caseflow.outbox.publish.delay")
                .description("time from storing an event to the broker's acknowledgement")
                .publishPercentileHistogram()
                .register(meters);
        this.published = meters.counter("caseflow.outbox.published");
        Gauge.builder("caseflow.outbox.backlog", this, OutboxRelay::backlog)
                .description("documents with events stored but not yet acknowledged by Kafka")
                .strongReference(true)
                .register(meters);
        outbox.attach(this);
    }

    void handOver(String collection, String documentId, List<OutboxEntry> entries) {
        if (!handedOver.offer(new Pending(collection, documentId, entries))) {
            sweepNeeded = true;
        }
    }

    /** Documents known to await publication: handed over and not yet sent, or found pending by the last sweep. */
    public long backlog() {
        return handedOver.size() + leftInStore.get();
    }

    @Override
    public void start() {
        for (String collection : properties.collections()) {
            try {
                // unique anyway (_id is); lets the embedded store of the local stack take over a claim by index
                mongo.indexOps(collection).createIndex(new Index().on("_id", Sort.Direction.ASC)
                        .on(CLAIM_BY, Sort.Direction.ASC).on(CLAIM_UNTIL, Sort.Direction.ASC).unique()
                        .named("outbox_claim"));
            } catch (RuntimeException e) {
                log.warn("Outbox claim index on {} not created: {}", collection, e.toString());
            }
        }
        running = true;
        worker = new Thread(this::relayUntilStopped, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Stops after the web server and the consumers have drained (a lower phase stops later), publishing what was
     * handed over until then; what is left stays pending in the store for the next start or another instance.
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
        kafka.getProducerFactory().closeThreadBoundProducer();
        kafka.getProducerFactory().reset();
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
     * once in a while as a safety net: the embedded store of the local stack answers a sweep by scanning.
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
                    if (!publishHandedOver(batch)) {
                        sweepNeeded = true;
                    }
                }
                long now = System.nanoTime();
                Instant claimEnds = sweepAfterClaim;
                if (claimEnds != null && !clock.instant().isBefore(claimEnds)) {
                    sweepAfterClaim = null;
                    sweepNeeded = true;
                }
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

    private record Loaded(Pending pending, List<OutboxEntry> entries) {
    }

    /**
     * Returns whether everything handed over was published. A just-inserted document's entries are published from
     * memory; any other document is read (once per batch, after its last write), so its entries go out in order.
     */
    private boolean publishHandedOver(List<Pending> batch) throws InterruptedException {
        Instant now = clock.instant();
        Map<String, List<Pending>> byDocument = new java.util.LinkedHashMap<>();
        for (Pending pending : batch) {
            byDocument.computeIfAbsent(pending.collection() + "/" + pending.documentId(), k -> new ArrayList<>())
                    .add(pending);
        }
        List<Loaded> loaded = new ArrayList<>(byDocument.size());
        for (List<Pending> handOvers : byDocument.values()) {
            Pending pending = handOvers.get(0);
            if (handOvers.size() == 1 && pending.entries() != null) {
                loaded.add(new Loaded(pending, pending.entries()));
                continue;
            }
            List<OutboxEntry> entries = claim(pending, now);
            if (!entries.isEmpty()) {
                loaded.add(new Loaded(pending, entries));
            }
        }
        return loaded.isEmpty() || publishGuarded(loaded);
    }

    /**
     * Publishes entries left pending in the store; returns whether some may still be pending afterwards. Documents
     * another instance holds under a live claim are its own to publish: they bring the next sweep forward to when
     * that claim runs out, no sooner.
     */
    private boolean sweep() throws InterruptedException {
        try {
            List<Pending> queued = List.copyOf(handedOver);
            Instant now = clock.instant();
            List<Loaded> batch = new ArrayList<>();
            boolean more = false;
            for (String collection : properties.collections()) {
                Query pending = Query.query(Criteria.where(PENDING).exists(true)).limit(properties.batchSize());
                pending.fields().include("_id").include(Outbox.CLAIM);
                List<Document> found = mongo.find(pending, Document.class, collection);
                more |= found.size() == properties.batchSize();
                for (Document document : found) {
                    Pending candidate = new Pending(collection, String.valueOf(document.get("_id")), null);
                    if (queued.stream().anyMatch(candidate::sameDocument)) {
                        continue;
                    }
                    if (foreignClaimUntil(document, now) != null) {
                        continue;
                    }
                    List<OutboxEntry> entries = claim(candidate, now);
                    if (!entries.isEmpty()) {
                        batch.add(new Loaded(candidate, entries));
                    }
                }
            }
            boolean allPublished = batch.isEmpty() || publishGuarded(batch);
            leftInStore.set(allPublished ? 0 : batch.size());
            return !allPublished || more;
        } catch (RuntimeException e) {
            log.warn("Outbox sweep failed, retrying: {}", e.toString());
            return true;
        }
    }

    /**
     * When another instance's live claim on a document ends; null when nobody else holds it now. A document held by
     * another instance — say one that crashed after writing it — brings the next sweep forward to that moment, when
     * this instance may take it over.
     */
    private Instant foreignClaimUntil(Document document, Instant now) {
        Document claim = document.get(Outbox.CLAIM, Document.class);
        if (claim == null || outbox.owner().equals(claim.getString("by")) || claim.getDate("until") == null) {
            return null;
        }
        Instant until = claim.getDate("until").toInstant();
        if (!until.isAfter(now)) {
            return null;
        }
        Instant planned = sweepAfterClaim;
        if (planned == null || until.isBefore(planned)) {
            sweepAfterClaim = until;
        }
        return until;
    }

    /**
     * Takes over a document's entries when this instance holds them or their claim ran out; empty when another
     * instance holds them or nothing is pending. The document is read by id and its claim replaced only if it is
     * still the one read, so two instances never both take the same entries; both steps are id lookups (the claim's
     * compound index serves the second on the embedded store of the local stack, which scans for anything else).
     */
    private List<OutboxEntry> claim(Pending pending, Instant now) {
        Query byId = byId(pending.documentId());
        byId.fields().include(Outbox.ENTRIES).include(Outbox.CLAIM);
        Document found = mongo.findOne(byId, Document.class, pending.collection());
        if (found == null || entriesOf(found).isEmpty() || foreignClaimUntil(found, now) != null) {
            return List.of();
        }
        Document claim = found.get(Outbox.CLAIM, Document.class);
        boolean ours = claim != null && outbox.owner().equals(claim.getString("by"))
                && claim.getDate("until") != null && claim.getDate("until").toInstant().isAfter(now);
        if (ours) {
            return entriesOf(found);
        }
        Query unchanged = byId(pending.documentId())
                .addCriteria(Criteria.where(CLAIM_BY).is(claim == null ? null : claim.getString("by"))
                        .and(CLAIM_UNTIL).is(claim == null ? null : claim.getDate("until")));
        Update take = new Update().set(Outbox.CLAIM, outbox.claim(now));
        Document taken = mongo.findAndModify(unchanged, take, FindAndModifyOptions.options().returnNew(true),
                Document.class, pending.collection());
        return taken == null ? List.of() : entriesOf(taken);
    }

    private List<OutboxEntry> entriesOf(Document document) {
        List<Document> raw = document.getList(Outbox.ENTRIES, Document.class, List.of());
        return raw.stream().map(d -> mongo.getConverter().read(OutboxEntry.class, d)).toList();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    /**
     * Publishes a batch; returns whether all of it was acknowledged. The circuit breaker judges Kafka only: while it
     * is open, entries wait in the store; the store's own failures do not open it.
     */
    private boolean publishGuarded(List<Loaded> batch) throws InterruptedException {
        if (!breaker.tryAcquirePermission()) {
            return false;
        }
        long started = System.nanoTime();
        Exception failure = publish(batch);
        if (failure == null) {
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return true;
        }
        breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, failure);
        log.warn("Outbox relay could not publish all of {} document(s), the rest stay pending: {}", batch.size(),
                failure.toString());
        return false;
    }

    /** Sends, waits for the acknowledgements and removes each document's acknowledged prefix of entries. */
    private Exception publish(List<Loaded> batch) throws InterruptedException {
        Map<Loaded, List<CompletableFuture<Void>>> sends = new java.util.LinkedHashMap<>();
        Exception failure = null;
        sending:
        for (Loaded document : batch) {
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            sends.put(document, futures);
            for (OutboxEntry entry : document.entries()) {
                try {
                    List<CompletableFuture<SendResult<String, byte[]>>> perTopic = new ArrayList<>();
                    for (String topic : entry.topics()) {
                        perTopic.add(kafka.send(record(entry, topic)));
                    }
                    futures.add(CompletableFuture.allOf(perTopic.toArray(CompletableFuture[]::new)));
                } catch (RuntimeException e) {
                    // no metadata within max.block.ms: the broker is unreachable, the rest would wait just as long
                    failure = e;
                    recordFailedAttempt(document.pending(), entry, e);
                    break sending;
                }
            }
        }
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        Map<String, BulkOperations> removals = new java.util.HashMap<>();
        int removed = 0;
        for (Map.Entry<Loaded, List<CompletableFuture<Void>>> send : sends.entrySet()) {
            Loaded document = send.getKey();
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < send.getValue().size(); i++) {
                OutboxEntry entry = document.entries().get(i);
                try {
                    send.getValue().get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (acknowledged.size() == i) {
                        acknowledged.add(entry.entryId());
                        delay.record(Duration.between(entry.occurredAt(), clock.instant()));
                    }
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    failure = failure == null ? e : failure;
                    recordFailedAttempt(document.pending(), entry, e);
                }
            }
            if (acknowledged.isEmpty()) {
                continue;
            }
            Pending pending = document.pending();
            removals.computeIfAbsent(pending.collection(), c -> mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, c))
                    .updateOne(byId(pending.documentId()), new Update().pull(Outbox.ENTRIES,
                            new Document("entryId", new Document("$in", acknowledged))));
            removed += acknowledged.size();
        }
        removals.values().forEach(BulkOperations::execute);
        published.increment(removed);
        return failure;
    }

    private ProducerRecord<String, byte[]> record(OutboxEntry entry, String topic) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, entry.key(),
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

    /** Counted on the document, by id alone: the entry's kind of failure, without its message. */
    private void recordFailedAttempt(Pending pending, OutboxEntry entry, Exception error) {
        Throwable cause = error.getCause() == null ? error : error.getCause();
        try {
            mongo.updateFirst(byId(pending.documentId()), new Update().inc(Outbox.ATTEMPTS, 1)
                    .set(Outbox.LAST_ERROR, entry.type() + ": " + cause.getClass().getSimpleName()),
                    pending.collection());
        } catch (RuntimeException e) {
            log.debug("Could not record a failed attempt: {}", e.toString());
        }
    }

}
