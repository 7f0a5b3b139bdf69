package com.caseflow.followup.sms.application;

import com.caseflow.followup.sms.persistence.TextMessageStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code smsGateway}: WARNING while no gateway is configured — the service works, but texts to customers wait as
 * PENDING until someone sets {@code CASEFLOW_SMS_GATEWAY_URL} — and how many wait.
 */
@Component("smsGateway")
public class SmsGatewayHealth implements HealthIndicator {

    private static final Status WARNING = new Status("WARNING", "texts to customers wait: no SMS gateway configured");

    private final SmsProperties properties;
    private final TextMessageStore store;

    public SmsGatewayHealth(SmsProperties properties, TextMessageStore store) {
        this.properties = properties;
        this.store = store;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.status(properties.gatewayConfigured() ? Status.UP : WARNING)
                .withDetail("configured", properties.gatewayConfigured())
                .withDetail("signed", properties.signed());
        try {
            health.withDetail("waiting", store.waiting());
        } catch (RuntimeException e) {
            health.withDetail("waiting", "unknown");
        }
        return health.build();
    }
}
