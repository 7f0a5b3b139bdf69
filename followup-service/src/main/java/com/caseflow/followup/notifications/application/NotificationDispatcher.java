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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Delivers pending notifications to the gateway and to the department's WeCom and DingTalk robots, each channel once:
 * one that failed is tried again without repeating the others. A new one goes at once, on a thread of its own, and
 * whatever is due — a retry, or one that was not handed over — on a regular look. Each is held by one instance while
 * it is sent; a failure keeps it pending with its error and a later time to try again; an instance that dies while
 * holding one lets it go when its hold ends.
 */
@Service
public class NotificationDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    /** The channel name of the company's gateway in a notification's delivery record. */
    public static final String WEBHOOK = "WEBHOOK";

    private final NotificationStore store;
    private final WebhookClient webhook;
    private final RobotClient robots;
    private final NotificationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    /** One sender for new notifications; when it falls behind, the regular look picks up what it dropped. */
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000), runnable -> new Thread(runnable, "notification-sender"),
            new ThreadPoolExecutor.DiscardPolicy());

    public NotificationDispatcher(NotificationStore store, WebhookClient webhook, RobotClient robots,
                                  NotificationProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.webhook = webhook;
        this.robots = robots;
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

    /** Where a notification goes: the gateway, then each robot of its department. */
    private record Channel(String name, String type, Runnable send) {
    }

    private List<Channel> channels(Notification notification) {
        List<Channel> channels = new ArrayList<>();
        channels.add(new Channel(WEBHOOK, "WEBHOOK", () -> webhook.deliver(notification)));
        for (NotificationProperties.Robot robot : properties.robotsOf(notification.departmentCode())) {
            channels.add(new Channel(robot.channel(), robot.type().name(),
                    () -> robots.send(robot, notification.text())));
        }
        return channels;
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
        String failure = null;
        String deferral = null;
        for (Channel channel : channels(notification)) {
            if (notification.deliveredVia(channel.name())) {
                continue;
            }
            try {
                channel.send().run();
            } catch (RobotClient.RobotBusyException e) {
                deferral = e.getMessage();
                continue;
            } catch (RuntimeException e) {
                failure = e instanceof WebhookClient.WebhookException ? e.getMessage() : e.getClass().getSimpleName();
                continue;
            }
            notification = notification.acceptedBy(channel.name());
            meters.counter("caseflow.notifications.channel.delivered", "channel", channel.type()).increment();
            if (!store.progress(notification, held)) {
                log.warn("Notification {} was taken over while it was being delivered", id);
                return false;
            }
            held++;
        }
        if (failure != null) {
            Notification failed = notification.failed(clock.instant(), failure, properties.firstPause(),
                    properties.maxPause());
            if (!store.update(failed, held)) {
                log.warn("Notification {} was taken over while its delivery failed", id);
            }
            meters.counter("caseflow.notifications.failed").increment();
            log.info("Notification {} ({}) not delivered everywhere ({}), attempt {}; next try at {}", id,
                    notification.kind(), failure, failed.attempts(), failed.nextAttemptAt());
            return false;
        }
        if (deferral != null) {
            Notification deferred = notification.deferred(clock.instant(), deferral, properties.firstPause());
            if (!store.update(deferred, held)) {
                log.warn("Notification {} was taken over while it waited for a robot", id);
            }
            meters.counter("caseflow.notifications.deferred").increment();
            log.info("Notification {} ({}) waits for a robot ({}); next try at {}", id, notification.kind(), deferral,
                    deferred.nextAttemptAt());
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
