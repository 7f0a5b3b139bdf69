package com.caseflow.support.outbox;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * WARNING while entries are parked. Not DOWN: the service still takes requests and publishes everything else, and
 * a parked entry needs a person, not a restart — a DOWN would take every instance out of the load balancer (all of
 * them see the same parked entries) and turn one bad topic into an outage.
 */
class OutboxHealth implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "outbox entries parked: GET /api/v1/admin/outbox/parked");

    private final OutboxRelay relay;

    OutboxHealth(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public Health health() {
        long parked = relay.parkedCount();
        Health.Builder health = parked == 0 ? Health.up() : Health.status(WARNING);
        return health.withDetail("parked", parked).withDetail("backlog", relay.backlog()).build();
    }
}
