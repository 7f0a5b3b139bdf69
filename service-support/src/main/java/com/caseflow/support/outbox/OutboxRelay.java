package com.caseflow.support.outbox;

import com.caseflow.events.CloudEventHeaders;
import com.caseflow.support.logging.OutageLog;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
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
import org.springframework.kafka.KafkaException;
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
import java.util.concurrent.ExecutionException;
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
    private static final String PARKED = Outbox.ENTRIES + ".parkedAt";

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
    private final CircuitBreakerRegistry breakers;
    private final CircuitBreakerConfig breakerConfig;
    private final Map<String, CircuitBreaker> topicBreakers = new java.util.concurrent.ConcurrentHashMap<>();
    private final OutboxTopics topics;
    private final OutboxProperties properties;
    private final Outbox outbox;
    private final Clock clock;
    private final String source;
    private final BlockingQueue<Pending> handedOver = new LinkedBlockingQueue<>(10_000);
    /** Set when entries may be pending in the store: at start (a crash), after a failed send, on a full queue. */
    private volatile boolean sweepNeeded = true;
    /**
     * Documents this instance claimed whose entries its hand-off did not settle (a failed send, a full queue): the
     * sweep takes only these of its own claims; any other was just written and is on its way through the hand-off —
     * taking it too would publish it twice.
     */
    private final java.util.Set<String> owed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicLong leftInStore = new AtomicLong();
    /** When another instance's claim on entries seen by the last sweep runs out: they may need taking over then. */
    private volatile Instant sweepAfterClaim;
    private final Timer delay;
    private final Counter published;
    private final Counter parkedTotal;
    private final AtomicLong parkedCount = new AtomicLong();
    private volatile boolean running;
    private Thread worker;
    /** The relay sweeps every couple of seconds while entries are pending: an outage is one line, not hundreds. */
    private final OutageLog storeOutage;

    /**
     * @param breakerConfig the settings of each topic's circuit breaker (those of the service's {@code kafka} one)
     */
    OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, CircuitBreakerRegistry breakers,
                CircuitBreakerConfig breakerConfig, OutboxTopics topics, OutboxProperties properties, Outbox outbox,
                Clock clock, MeterRegistry meters, String applicationName) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.breakers = breakers;
        this.breakerConfig = breakerConfig;
        this.topics = topics;
        this.properties = properties;
        this.outbox = outbox;
        this.clock = clock;
        this.source = "/caseflow/" + applicationName;
        this.storeOutage = new OutageLog(log, "Outbox relay", clock);
        this.delay = Timer.builder("caseflow.outbox.publish.delay")
                .description("time from storing an event to the broker's acknowledgement")
                .publishPercentileHistogram()
                .register(meters);
        this.published = meters.counter("caseflow.outbox.published");
        this.parkedTotal = Counter.builder("caseflow.outbox.parkings")
                .description("entries the relay stopped trying, waiting for an operator's retry").register(meters);
        Gauge.builder("caseflow.outbox.parked", parkedCount, AtomicLong::get)
                .description("entries parked now: a topic kept failing; see GET /api/v1/admin/outbox/parked")
                .register(meters);
        Gauge.builder("caseflow.outbox.backlog", this, OutboxRelay::backlog)
                .description("documents with events stored but not yet acknowledged by Kafka")
                .strongReference(true)
                .register(meters);
        outbox.attach(this);
    }

    void handOver(String collection, String documentId, List<OutboxEntry> entries) {
        if (!handedOver.offer(new Pending(collection, documentId, entries))) {
            owed.add(collection + "/" + documentId);
            sweepNeeded = true;
        }
    }

    /** Entries parked as of the last sweep or change. */
    public long parkedCount() {
        return parkedCount.get();
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
            try {
                // few entries are ever parked: a sparse index keeps counting them from scanning the collection
                mongo.indexOps(collection).createIndex(new Index().on(PARKED, Sort.Direction.ASC).sparse()
                        .named("outbox_parked"));
            } catch (RuntimeException e) {
                log.warn("Outbox parked index on {} not created: {}", collection, e.toString());
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
        topics.close();
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
                    try {
                        if (!publishHandedOver(batch)) {
                            sweepNeeded = true;
                        }
                    } catch (RuntimeException e) {
                        batch.forEach(p -> owed.add(p.collection() + "/" + p.documentId()));
                        throw e;
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
                if (!storeOutage.storeFailed(e)) {
                    log.error("Outbox relay round failed; entries stay pending", e);
                }
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
        return loaded.isEmpty() || publish(loaded);
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
                // documents whose entries are all parked wait for an operator: they must not fill every sweep
                Query pending = Query.query(Criteria.where(PENDING).exists(true).and(Outbox.ENTRIES)
                        .elemMatch(Criteria.where("parkedAt").is(null))).limit(properties.batchSize());
                pending.fields().include("_id").include(Outbox.CLAIM);
                List<Document> found = mongo.find(pending, Document.class, collection);
                more |= found.size() == properties.batchSize();
                for (Document document : found) {
                    Pending candidate = new Pending(collection, String.valueOf(document.get("_id")), null);
                    if (queued.stream().anyMatch(candidate::sameDocument)) {
                        continue;
                    }
                    if (foreignClaimUntil(document, now) != null
                            || (ownLiveClaim(document, now) && !owed.contains(collection + "/" + candidate.documentId()))) {
                        continue;
                    }
                    List<OutboxEntry> entries = claim(candidate, now);
                    if (!entries.isEmpty()) {
                        batch.add(new Loaded(candidate, entries));
                    }
                }
            }
            boolean allPublished = batch.isEmpty() || publish(batch);
            leftInStore.set(allPublished ? 0 : batch.size());
            parkedCount.set(parked().size());
            storeOutage.succeeded();
            return !allPublished || more;
        } catch (RuntimeException e) {
            if (!storeOutage.storeFailed(e)) {
                log.warn("Outbox sweep failed, retrying: {}", e.toString());
            }
            return true;
        }
    }

    private boolean ownLiveClaim(Document document, Instant now) {
        Document claim = document.get(Outbox.CLAIM, Document.class);
        return claim != null && outbox.owner().equals(claim.getString("by")) && claim.getDate("until") != null
                && claim.getDate("until").toInstant().isAfter(now);
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

    /** One copy of an entry for one topic, and what became of it in this round. */
    private static final class Send {
        final OutboxEntry entry;
        final String topic;
        final long started = System.nanoTime();
        CompletableFuture<SendResult<String, byte[]>> future;
        /** The failure, when there was one; null with no future means the topic was not tried this round. */
        Throwable failure;
        /** Whether the failure says something about this topic rather than about a broker that did not answer. */
        boolean topicFailure;
        /** The parked entry of the same document this copy waits behind, on the same topic. */
        String behind;
        boolean acknowledged;

        Send(OutboxEntry entry, String topic) {
            this.entry = entry;
            this.topic = topic;
        }
    }

    /**
     * Publishes a batch; returns whether nothing in it is left to retry (each entry either acknowledged on all its
     * topics or parked). Acknowledgements are kept per entry and topic, and each topic has a circuit breaker of its
     * own: a department topic that fails neither re-sends the copy already on {@code cases} nor holds back the
     * entries of other topics. Within a document, a topic gets an entry only after every earlier entry of that
     * document reached it, so each topic sees a document's events in order.
     */
    private boolean publish(List<Loaded> batch) throws InterruptedException {
        Map<Loaded, List<Send>> sends = new java.util.LinkedHashMap<>();
        for (Loaded document : batch) {
            List<Send> copies = new ArrayList<>();
            sends.put(document, copies);
            Map<String, String> parkedBefore = new java.util.HashMap<>();
            java.util.Set<String> heldBefore = new java.util.HashSet<>();
            for (OutboxEntry entry : document.entries()) {
                if (entry.parked()) {
                    entry.unacknowledged().forEach(topic -> parkedBefore.putIfAbsent(topic, entry.entryId()));
                    continue;
                }
                for (String topic : entry.unacknowledged()) {
                    Send send = new Send(entry, topic);
                    copies.add(send);
                    if (parkedBefore.containsKey(topic)) {
                        send.behind = parkedBefore.get(topic);
                    } else if (!heldBefore.contains(topic)) {
                        start(send);
                    }
                    if (send.future == null) {
                        heldBefore.add(topic);
                    }
                }
            }
        }
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        boolean brokerAnswered = false;
        for (List<Send> copies : sends.values()) {
            for (Send send : copies) {
                if (send.future == null) {
                    continue;
                }
                try {
                    send.future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    send.acknowledged = true;
                    brokerAnswered = true;
                    breaker(send.topic).onSuccess(System.nanoTime() - send.started, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    failed(send, e);
                }
            }
        }
        return settle(sends, brokerAnswered);
    }

    /** Sends one copy unless its topic's breaker is open or the topic is missing. */
    private void start(Send send) {
        CircuitBreaker topicBreaker = breaker(send.topic);
        if (!topicBreaker.tryAcquirePermission()) {
            return;
        }
        if (topics.ensure(send.topic) == OutboxTopics.State.MISSING) {
            send.failure = new UnknownTopicOrPartitionException("topic " + send.topic + " does not exist");
            send.topicFailure = true;
            topicBreaker.onError(0, TimeUnit.NANOSECONDS, send.failure);
            return;
        }
        try {
            send.future = kafka.send(record(send.entry, send.topic));
        } catch (RuntimeException e) {
            failed(send, e);
        }
    }

    private void failed(Send send, Throwable thrown) {
        Throwable failure = thrown;
        // the template's future wraps the producer's exception, whose kind tells a topic's fault from the broker's
        while ((failure instanceof ExecutionException || failure instanceof KafkaException)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        send.failure = failure;
        // no answer in time says nothing about the topic: the broker may be away
        send.topicFailure |= !(failure instanceof RetriableException
                || failure instanceof java.util.concurrent.TimeoutException);
        breaker(send.topic).onError(System.nanoTime() - send.started, TimeUnit.NANOSECONDS, failure);
        if (failure instanceof org.apache.kafka.common.errors.TimeoutException
                || failure instanceof java.util.concurrent.TimeoutException
                || failure instanceof UnknownTopicOrPartitionException) {
            // the topic may have been deleted: its existence is asked again (and the topic re-created) next round
            topics.forget(send.topic);
        }
    }

    /**
     * Records what each entry's copies achieved: acknowledged topics, a failed attempt (counted only when the failure
     * concerns the topic, or the broker acknowledged something else meanwhile — a broker outage parks nothing), a
     * parking after too many attempts or behind a parked entry; entries acknowledged everywhere are removed.
     */
    private boolean settle(Map<Loaded, List<Send>> sends, boolean brokerAnswered) {
        Map<String, BulkOperations> updates = new java.util.HashMap<>();
        Instant now = clock.instant();
        boolean settled = true;
        int removed = 0;
        int failedDocuments = 0;
        Throwable example = null;
        for (Map.Entry<Loaded, List<Send>> document : sends.entrySet()) {
            Pending pending = document.getKey().pending();
            BulkOperations bulk = updates.computeIfAbsent(pending.collection(),
                    c -> mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, c));
            java.util.Set<String> brokenTopics = new java.util.HashSet<>();
            boolean documentSettled = true;
            List<String> done = new ArrayList<>();
            Throwable documentFailure = null;
            for (OutboxEntry entry : document.getKey().entries()) {
                if (entry.parked()) {
                    continue;
                }
                List<String> acknowledged = new ArrayList<>();
                Send failure = null;
                Send behind = null;
                for (Send send : document.getValue()) {
                    if (send.entry != entry) {
                        continue;
                    }
                    if (send.acknowledged && !brokenTopics.contains(send.topic)) {
                        acknowledged.add(send.topic);
                        continue;
                    }
                    brokenTopics.add(send.topic);
                    if (send.failure != null && (failure == null || send.topicFailure)) {
                        failure = send;
                    }
                    if (send.behind != null && behind == null) {
                        behind = send;
                    }
                }
                if (entry.acknowledged().size() + acknowledged.size() == entry.topics().size()) {
                    done.add(entry.entryId());
                    delay.record(Duration.between(entry.occurredAt(), clock.instant()));
                    continue;
                }
                Update update = new Update();
                if (!acknowledged.isEmpty()) {
                    update.addToSet(Outbox.ENTRIES + ".$.acknowledged").each(acknowledged.toArray());
                }
                boolean counted = failure != null && (failure.topicFailure || brokerAnswered);
                if (counted) {
                    update.inc(Outbox.ENTRIES + ".$.attempts", 1)
                            .set(Outbox.ENTRIES + ".$.lastError", error(failure));
                }
                if (counted && entry.attempts() + 1 >= properties.maxAttempts()) {
                    update.set(Outbox.ENTRIES + ".$.parkedAt", now);
                    parkedNow(entry, failure.topic, error(failure));
                } else if (behind != null && failure == null) {
                    update.set(Outbox.ENTRIES + ".$.parkedAt", now).set(Outbox.ENTRIES + ".$.lastError",
                            "waits behind parked entry " + behind.behind + " on " + behind.topic);
                    parkedNow(entry, behind.topic, "behind " + behind.behind);
                } else {
                    documentSettled = false;
                }
                if (failure != null) {
                    documentFailure = failure.failure;
                }
                if (!update.getUpdateObject().isEmpty()) {
                    bulk.updateOne(Query.query(Criteria.where("_id").is(pending.documentId())
                            .and(Outbox.ENTRIES + ".entryId").is(entry.entryId())), update);
                }
            }
            settled &= documentSettled;
            if (documentSettled) {
                owed.remove(pending.collection() + "/" + pending.documentId());
            } else {
                owed.add(pending.collection() + "/" + pending.documentId());
            }
            if (!done.isEmpty()) {
                bulk.updateOne(byId(pending.documentId()), new Update().pull(Outbox.ENTRIES,
                        new Document("entryId", new Document("$in", done))));
                removed += done.size();
            }
            if (documentFailure != null) {
                Throwable cause = documentFailure;
                bulk.updateOne(byId(pending.documentId()), new Update().inc(Outbox.ATTEMPTS, 1)
                        .set(Outbox.LAST_ERROR, cause.getClass().getSimpleName()));
                failedDocuments++;
                example = cause;
            }
        }
        for (BulkOperations bulk : updates.values()) {
            try {
                bulk.execute();
            } catch (RuntimeException e) {
                // what was acknowledged but not recorded is sent again: consumers ignore a repeated event id
                if (!storeOutage.storeFailed(e)) {
                    log.warn("Outbox relay could not record a round's outcome: {}", e.toString());
                }
                settled = false;
                sends.keySet().forEach(d -> owed.add(d.pending().collection() + "/" + d.pending().documentId()));
            }
        }
        published.increment(removed);
        if (failedDocuments > 0) {
            log.warn("Outbox relay could not publish all entries of {} document(s), they stay pending: {}",
                    failedDocuments, example.toString());
        }
        return settled;
    }

    /** The entry's type, the topic and the kind of failure — never its message, which may quote the payload. */
    private static String error(Send failed) {
        return failed.entry.type() + " on " + failed.topic + ": " + failed.failure.getClass().getSimpleName();
    }

    private void parkedNow(OutboxEntry entry, String topic, String why) {
        parkedTotal.increment();
        parkedCount.incrementAndGet();
        log.error("Outbox entry {} ({}) parked on topic {}: {}; retry it with POST "
                + "/api/v1/admin/outbox/parked/{}/retry", entry.entryId(), entry.type(), topic, why, entry.entryId());
    }

    private CircuitBreaker breaker(String topic) {
        return topicBreakers.computeIfAbsent(topic, t -> breakers.circuitBreaker("outbox-" + t, breakerConfig));
    }

    /** A parked entry as operators see it: no payload, which holds customers' names and numbers. */
    public record Parked(String entryId, String collection, String documentId, String eventId, String type,
                         String key, Instant occurredAt, List<String> topics, List<String> acknowledged,
                         int attempts, String lastError, Instant parkedAt) {
    }

    /** Every parked entry of the service, oldest first. */
    public List<Parked> parked() {
        List<Parked> found = new ArrayList<>();
        for (String collection : properties.collections()) {
            // exists, not $ne null: on a list, $ne null fails as soon as one entry has no parkedAt
            Query query = Query.query(Criteria.where(PARKED).exists(true));
            query.fields().include("_id").include(Outbox.ENTRIES);
            for (Document document : mongo.find(query, Document.class, collection)) {
                for (OutboxEntry entry : entriesOf(document)) {
                    if (entry.parked()) {
                        found.add(new Parked(entry.entryId(), collection, String.valueOf(document.get("_id")),
                                entry.eventId(), entry.type(), entry.key(), entry.occurredAt(), entry.topics(),
                                entry.acknowledged(), entry.attempts(), entry.lastError(), entry.parkedAt()));
                    }
                }
            }
        }
        found.sort(java.util.Comparator.comparing(Parked::parkedAt).thenComparing(Parked::occurredAt));
        return found;
    }

    /**
     * Makes a parked entry pending again with a fresh count of attempts, and with it the document's other parked
     * entries: later ones only waited behind it, and go out after it, in order. Returns the entries retried; empty
     * when no parked entry has that id.
     */
    public List<String> retry(String entryId) {
        for (String collection : properties.collections()) {
            Query query = Query.query(Criteria.where(Outbox.ENTRIES).elemMatch(Criteria.where("entryId").is(entryId)
                    .and("parkedAt").ne(null)));
            query.fields().include("_id").include(Outbox.ENTRIES);
            Document document = mongo.findOne(query, Document.class, collection);
            if (document == null) {
                continue;
            }
            String documentId = String.valueOf(document.get("_id"));
            List<String> retried = new ArrayList<>();
            for (OutboxEntry entry : entriesOf(document)) {
                if (!entry.parked()) {
                    continue;
                }
                mongo.updateFirst(Query.query(Criteria.where("_id").is(documentId)
                                .and(Outbox.ENTRIES + ".entryId").is(entry.entryId())),
                        new Update().unset(Outbox.ENTRIES + ".$.parkedAt").set(Outbox.ENTRIES + ".$.attempts", 0),
                        collection);
                retried.add(entry.entryId());
            }
            parkedCount.set(parked().size());
            handOver(collection, documentId, null);
            return retried;
        }
        return List.of();
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


}
