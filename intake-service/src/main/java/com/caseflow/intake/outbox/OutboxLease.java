package com.caseflow.intake.outbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Which instance may publish a pending entry. The instance that stores an entry holds it for the lease and
 * publishes it from memory; another instance's sweep takes it over only once the lease has run out (the owner
 * crashed or lost its broker), so several instances do not publish the same entry side by side.
 */
@Component
public class OutboxLease {

    private final String owner = UUID.randomUUID().toString();
    private final Duration duration;

    public OutboxLease(@Value("${caseflow.outbox.lease:30s}") Duration duration) {
        this.duration = duration;
    }

    public String owner() {
        return owner;
    }

    public Instant until(Instant now) {
        return now.plus(duration);
    }
}
