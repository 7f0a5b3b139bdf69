package com.caseflow.followup.sms.application;

import com.caseflow.followup.sms.domain.QuietHours;
import com.caseflow.followup.sms.domain.SmsStatus;
import com.caseflow.followup.sms.domain.TextMessage;
import com.caseflow.followup.sms.persistence.OptOutStore;
import com.caseflow.followup.sms.persistence.TextMessageStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends the text messages that are due, the way notifications are delivered: a new one at once on a thread of its
 * own, and whatever is due — a retry after a failure, one held through the quiet hours, one that was not handed over
 * — on a regular look. Each is held by one instance while it is decided on; just before it goes out it is checked
 * against the customer's opt-out and the quiet hours. A gateway that is down leaves the message FAILED with its error
 * and a later time to try; a gateway that is not configured leaves it PENDING.
 */
@Service
public class SmsDispatcher implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmsDispatcher.class);

    private final TextMessageStore store;
    private final OptOutStore optOuts;
    private final SmsGatewayClient gateway;
    private final SmsProperties properties;
    private final QuietHours quietHours;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000), runnable -> new Thread(runnable, "sms-sender"),
            new ThreadPoolExecutor.DiscardPolicy());

    public SmsDispatcher(TextMessageStore store, OptOutStore optOuts, SmsGatewayClient gateway,
                         SmsProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.optOuts = optOuts;
        this.gateway = gateway;
        this.properties = properties;
        this.quietHours = new QuietHours(properties.quietFrom(), properties.quietUntil(), clock.getZone());
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.gatewayConfigured()) {
            log.warn("caseflow.sms.gateway-url (CASEFLOW_SMS_GATEWAY_URL) is blank: texts to customers are kept as "
                    + "PENDING and none is sent until a gateway is configured (health: smsGateway WARNING)");
        }
        if (!properties.signed()) {
            log.warn("caseflow.sms.secret (CASEFLOW_SMS_SECRET) is blank: texts go to the gateway unsigned and every "
                    + "reply from it is refused with 401");
        }
    }

    /** A message was just stored: decide on it now rather than on the next look. */
    public void sendSoon(String id) {
        if (properties.dispatch()) {
            sender.execute(() -> {
                try {
                    send(id, clock.instant());
                } catch (RuntimeException e) {
                    log.warn("Text message {} not handled at once, the next look tries again: {}", id, e.toString());
                }
            });
        }
    }

    @Override
    public void destroy() {
        sender.shutdown();
    }

    @Scheduled(fixedDelayString = "${caseflow.sms.poll-interval:10s}",
            initialDelayString = "${caseflow.sms.poll-interval:10s}")
    void scheduled() {
        if (!properties.dispatch()) {
            return;
        }
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Text message round failed, trying again shortly: {}", e.toString());
        }
    }

    /** Decides on every message due now; returns how many the gateway accepted. */
    public int sendDue() {
        if (!properties.gatewayConfigured()) {
            return 0;
        }
        Instant now = clock.instant();
        int sent = 0;
        for (String id : store.dueIds(now, properties.batchSize())) {
            try {
                if (send(id, now)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.warn("Text message {} not handled this round: {}", id, e.toString());
            }
        }
        return sent;
    }

    private boolean send(String id, Instant now) {
        if (!properties.gatewayConfigured()) {
            return false;
        }
        var found = store.find(id).orElse(null);
        // due in the future: another instance holds it (it read the id before that hold, we read after)
        if (found == null || !found.state().open() || found.due() == null || found.due().isAfter(now)
                || !store.hold(id, found.version(), now.plus(properties.lease()))) {
            return false;
        }
        TextMessage message = found.state();
        long held = found.version() + 1;
        if (optOuts.optedOut(message.to())) {
            settle(message.optedOut(), held);
            return false;
        }
        Optional<Instant> quietUntil = message.urgent() ? Optional.empty() : quietHours.endOf(now);
        if (quietUntil.isPresent()) {
            if (message.status() != SmsStatus.HELD_QUIET_HOURS) {
                settle(message.held(quietUntil.get()), held);
            } else {
                store.update(message.held(quietUntil.get()), held);
            }
            return false;
        }
        try {
            gateway.send(message);
        } catch (RuntimeException e) {
            String error = e instanceof SmsGatewayClient.SmsGatewayException ? e.getMessage()
                    : e.getClass().getSimpleName();
            TextMessage failed = message.failed(clock.instant(), error, properties.firstPause(), properties.maxPause());
            settle(failed, held);
            log.info("Text message {} ({}) for case {} not accepted ({}), attempt {}; next try at {}", id,
                    message.template(), message.caseId(), error, failed.attempts(), failed.nextAttemptAt());
            return false;
        }
        if (!settle(message.sent(clock.instant()), held)) {
            // held longer than the lease: another instance may send it again; the gateway drops it by Idempotency-Key
            log.warn("Text message {} sent after its hold ended", id);
        }
        return true;
    }

    private boolean settle(TextMessage next, long version) {
        boolean written = store.update(next, version);
        if (written) {
            count(next);
        } else {
            log.warn("Text message {} was taken over while it was being sent", next.id());
        }
        return written;
    }

    void count(TextMessage message) {
        meters.counter("caseflow.sms.messages", "template", message.template().name(),
                "status", message.status().name()).increment();
    }
}
