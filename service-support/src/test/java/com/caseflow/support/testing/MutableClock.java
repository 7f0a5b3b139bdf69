package com.caseflow.support.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand, shared by every bean (and every instance of a service) they give it to. It only moves
 * forward: leases and claims stored by the code under test stay meaningful.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MutableClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the test clock only moves forward");
        }
        now.updateAndGet(t -> t.plus(by));
    }

    /** Moves to {@code instant}, or stays where it is when that lies in the past. */
    public void advanceTo(Instant instant) {
        now.updateAndGet(t -> instant.isAfter(t) ? instant : t);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(now.get(), other);
    }
}
