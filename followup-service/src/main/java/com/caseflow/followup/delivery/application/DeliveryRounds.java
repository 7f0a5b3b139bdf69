package com.caseflow.followup.delivery.application;

import com.caseflow.followup.delivery.persistence.DeliveryStore;
import com.caseflow.followup.delivery.persistence.Versioned;
import com.caseflow.support.logging.OutageLog;
import org.slf4j.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The delivery loop both notifications and texts use: a new item goes at once, on a thread of its own, and whatever
 * is due — a retry, or one that was not handed over — on a regular round. An item is held by one instance for a
 * lease before it is sent; an instance that dies while holding one lets it go when the lease ends. What sending one
 * means (and how a failure is kept) is the feature's {@link Attempt}.
 */
public final class DeliveryRounds<T> {

    /** Sends one held item and writes its outcome at {@code heldVersion}; true when it was accepted. */
    @FunctionalInterface
    public interface Attempt<T> {
        boolean send(T item, long heldVersion, Instant now);
    }

    private final Logger log;
    private final String noun;
    private final DeliveryStore<T, ?> store;
    private final Predicate<T> open;
    private final Duration lease;
    private final int batchSize;
    private final Clock clock;
    private final Attempt<T> attempt;
    /** One sender for new items; when it falls behind, the regular round picks up what it dropped. */
    private final ThreadPoolExecutor sender;
    /** A round runs every 10 s: a store outage is one line and a summary a minute, not a line a round. */
    private final OutageLog storeOutage;

    /**
     * @param log    the feature's logger, so that its lines keep their category
     * @param noun   how the log lines name an item ("Notification", "Text message")
     * @param open   whether an item may still be sent
     * @param thread the name of the thread that sends new items
     */
    public DeliveryRounds(Logger log, String noun, String thread, DeliveryStore<T, ?> store, Predicate<T> open,
                          Duration lease, int batchSize, Clock clock, Attempt<T> attempt) {
        this.log = log;
        this.noun = noun;
        this.store = store;
        this.open = open;
        this.lease = lease;
        this.batchSize = batchSize;
        this.clock = clock;
        this.attempt = attempt;
        this.storeOutage = new OutageLog(log, noun + " delivery", clock);
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000),
                runnable -> new Thread(runnable, thread), new ThreadPoolExecutor.DiscardPolicy());
    }

    /** An item was just stored: send it now rather than on the next round. */
    public void soon(String id) {
        sender.execute(() -> {
            try {
                attempt(id, clock.instant());
            } catch (RuntimeException e) {
                if (!storeOutage.storeFailed(e)) {
                    log.warn("{} {} not handled at once, the next look tries again: {}", noun, id, e.toString());
                }
            }
        });
    }

    /** The scheduled round: never throws, the next one tries again. */
    public void round() {
        try {
            due();
        } catch (RuntimeException e) {
            // the next round tries again
            storeOutage.failed(e);
        }
    }

    /** Tries every item due now; returns how many were accepted. */
    public int due() {
        Instant now = clock.instant();
        int accepted = 0;
        List<String> due = store.dueIds(now, batchSize);
        storeOutage.succeeded();
        for (String id : due) {
            try {
                if (attempt(id, now)) {
                    accepted++;
                }
            } catch (RuntimeException e) {
                if (!storeOutage.storeFailed(e)) {
                    log.warn("{} {} not handled this round: {}", noun, id, e.toString());
                }
            }
        }
        return accepted;
    }

    public void shutdown() {
        sender.shutdown();
    }

    private boolean attempt(String id, Instant now) {
        Versioned<T> found = store.versioned(id).orElse(null);
        // due in the future: another instance holds it (it read the id before that hold, we read after)
        if (found == null || !open.test(found.state()) || found.due() == null || found.due().isAfter(now)
                || !store.hold(id, found.version(), now.plus(lease))) {
            return false;
        }
        return attempt.send(found.state(), found.version() + 1, now);
    }
}
