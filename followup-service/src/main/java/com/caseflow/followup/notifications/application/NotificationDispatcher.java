package com.caseflow.followup.notifications.application;

import com.caseflow.followup.notifications.domain.Notification;
import com.caseflow.followup.notifications.domain.NotificationStatus;
import com.caseflow.followup.notifications.persistence.NotificationStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Delivers pending notifications: a new one at once, on a thread of its own, and whatever is due — a retry, or one
 * that was not handed over — on a regular look. Each is held by one instance while it is sent; a failure keeps it
 * pending with its error and a later time to try again; an instance that dies while holding one lets it go when its
 * hold ends.
 */
@Service
public class NotificationDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final NotificationStore store;
    private final WebhookClient webhook;
    private final NotificationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    /** One sender for new notifications; when it falls behind, the regular look picks up what it dropped. */
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000), runnable -> new Thread(runnable, "notification-sender"),
            new ThreadPoolExecutor.DiscardPolicy());

    public NotificationDispatcher(NotificationStore store, WebhookClient webhook, NotificationProperties properties,
                                  Clock clock, MeterRegistry meters) {
        this.store = store;
        this.webhook = webhook;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** A notification was just stored: send it now rather than on the next look. */
    public void deliverSoon(String id) {
        if (properties.dispatch()) {
            sender.execute(() -> {
                try {
                    deliver(id, clock.instant());
                } catch (RuntimeException e) {
                    log.warn("Notification {} not sent at once, the next look tries again: {}", id, e.toString());
                }
            });
        }
    }

    @Override
    public void destroy() {
        sender.shutdown();
    }

    @Scheduled(fixedDelayString = "${caseflow.followup.notifications.poll-interval:10s}",
            initialDelayString = "${caseflow.followup.notifications.poll-interval:10s}")
    void scheduled() {
        if (!properties.dispatch()) {
            return;
        }
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("Notification delivery round failed, trying again shortly: {}", e.toString());
        }
    }

    /** Tries every notification due now; returns how many the gateway accepted. */
    public int deliverDue() {
        Instant now = clock.instant();
        int delivered = 0;
        for (String id : store.dueIds(now, properties.batchSize())) {
            try {
                if (deliver(id, now)) {
                    delivered++;
                }
            } catch (RuntimeException e) {
                log.warn("Notification {} not handled this round: {}", id, e.toString());
            }
        }
        return delivered;
    }

    private boolean deliver(String id, Instant now) {
        var found = store.find(id).orElse(null);
        // due in the future: another instance holds it (it read the id before that hold, we read after)
        if (found == null || found.state().status() != NotificationStatus.PENDING || found.due() == null
                || found.due().isAfter(now) || !store.hold(id, found.version(), now.plus(properties.lease()))) {
            return false;
        }
        Notification notification = found.state();
        long held = found.version() + 1;
        try {
            webhook.deliver(notification);
        } catch (RuntimeException e) {
            String error = e instanceof WebhookClient.WebhookException ? e.getMessage() : e.getClass().getSimpleName();
            Notification failed = notification.failed(clock.instant(), error, properties.firstPause(),
                    properties.maxPause());
            if (!store.update(failed, held)) {
                log.warn("Notification {} was taken over while its delivery failed", id);
            }
            meters.counter("caseflow.notifications.failed").increment();
            log.info("Notification {} for case {} not delivered ({}), attempt {}; next try at {}", id,
                    notification.caseId(), error, failed.attempts(), failed.nextAttemptAt());
            return false;
        }
        if (!store.update(notification.delivered(clock.instant()), held)) {
            // held longer than the lease: another instance may send it again; the gateway drops it by Idempotency-Key
            log.warn("Notification {} delivered after its hold ended", id);
        }
        meters.counter("caseflow.notifications.delivered", "kind", notification.kind()).increment();
        return true;
    }
}
