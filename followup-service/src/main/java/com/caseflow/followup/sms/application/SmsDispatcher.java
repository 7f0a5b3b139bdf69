package com.caseflow.followup.sms.application;

import com.caseflow.followup.delivery.application.DeliveryRounds;
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

/**
 * Sends the text messages that are due, in the shared {@link DeliveryRounds} as notifications are delivered (a retry
 * after a failure and one held through the quiet hours come round again when due). Each is held by one instance
 * while it is decided on; just before it goes out it is checked against the customer's opt-out and the quiet hours.
 * A gateway that is down leaves the message FAILED with its error and a later time to try; a gateway that is not
 * configured leaves it PENDING.
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
    private final DeliveryRounds<TextMessage> rounds;

    public SmsDispatcher(TextMessageStore store, OptOutStore optOuts, SmsGatewayClient gateway,
                         SmsProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.optOuts = optOuts;
        this.gateway = gateway;
        this.properties = properties;
        this.quietHours = new QuietHours(properties.quietFrom(), properties.quietUntil(), clock.getZone());
        this.clock = clock;
        this.meters = meters;
        this.rounds = new DeliveryRounds<>(log, "Text message", "sms-sender", store, TextMessage::open,
                properties.lease(), properties.batchSize(), clock, this::send);
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
        if (properties.dispatch() && properties.gatewayConfigured()) {
            rounds.soon(id);
        }
    }

    @Override
    public void destroy() {
        rounds.shutdown();
    }

    @Scheduled(fixedDelayString = "${caseflow.sms.poll-interval:10s}",
            initialDelayString = "${caseflow.sms.poll-interval:10s}")
    void scheduled() {
        if (properties.dispatch() && properties.gatewayConfigured()) {
            rounds.round();
        }
    }

    /** Decides on every message due now; returns how many the gateway accepted. */
    public int sendDue() {
        return properties.gatewayConfigured() ? rounds.due() : 0;
    }

    /** Decides on a held message: skipped, kept through the quiet hours, or sent. */
    private boolean send(TextMessage message, long held, Instant now) {
        String id = message.id();
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
