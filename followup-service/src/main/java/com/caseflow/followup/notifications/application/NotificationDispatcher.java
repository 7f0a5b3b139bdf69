package com.caseflow.followup.notifications.application;

import com.caseflow.followup.channels.application.NotificationChannels;
import com.caseflow.followup.delivery.application.DeliveryRounds;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers pending notifications to the gateway and to the department's WeCom and DingTalk robots, each channel once:
 * one that failed is tried again without repeating the others. When they go and who holds them is the shared
 * {@link DeliveryRounds}; a failure keeps a notification pending with its error and a later time to try again, and a
 * robot that asks us to wait defers it without counting an attempt.
 */
@Service
public class NotificationDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    /** The channel name of the company's gateway in a notification's delivery record. */
    public static final String WEBHOOK = "WEBHOOK";

    private final NotificationStore store;
    private final WebhookClient webhook;
    private final RobotClient robots;
    private final NotificationChannels departmentChannels;
    private final NotificationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final DeliveryRounds<Notification> rounds;

    public NotificationDispatcher(NotificationStore store, WebhookClient webhook, RobotClient robots,
                                  NotificationChannels departmentChannels, NotificationProperties properties,
                                  Clock clock, MeterRegistry meters) {
        this.store = store;
        this.webhook = webhook;
        this.robots = robots;
        this.departmentChannels = departmentChannels;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.rounds = new DeliveryRounds<>(log, "Notification", "notification-sender", store,
                n -> n.status() == NotificationStatus.PENDING, properties.lease(), properties.batchSize(), clock,
                (notification, held, now) -> deliver(notification, held));
    }

    /** A notification was just stored: send it now rather than on the next look. */
    public void deliverSoon(String id) {
        if (properties.dispatch()) {
            rounds.soon(id);
        }
    }

    @Override
    public void destroy() {
        rounds.shutdown();
    }

    @Scheduled(fixedDelayString = "${caseflow.followup.notifications.poll-interval:10s}",
            initialDelayString = "${caseflow.followup.notifications.poll-interval:10s}")
    void scheduled() {
        if (properties.dispatch()) {
            rounds.round();
        }
    }

    /** Tries every notification due now; returns how many the gateway accepted. */
    public int deliverDue() {
        return rounds.due();
    }

    /** Where a notification goes: the gateway, then each robot its department has now (administrators change them). */
    private record Channel(String name, String type, Runnable send) {
    }

    private List<Channel> channels(Notification notification) {
        List<Channel> channels = new ArrayList<>();
        channels.add(new Channel(WEBHOOK, "WEBHOOK", () -> webhook.deliver(notification)));
        for (NotificationProperties.Robot robot : departmentChannels.robotsOf(notification.departmentCode())) {
            channels.add(new Channel(robot.channel(), robot.type().name(),
                    () -> robots.send(robot, notification.text())));
        }
        return channels;
    }

    /** Sends a held notification through each channel that has not taken it yet; true when all have. */
    private boolean deliver(Notification notification, long version) {
        String id = notification.id();
        long held = version;
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
