package com.caseflow.support.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caps how fast one member of staff can write records and look customers up (Resilience4j RateLimiters per staff
 * id): far above a person's pace, a brake on a stolen token or a runaway script harvesting customers. The limiters
 * are kept out of the Resilience4j registry on purpose: its metrics would carry every staff id as a tag.
 */
public class StaffRateLimiter {

    private final Map<String, RateLimiter> writes = new ConcurrentHashMap<>();
    private final Map<String, RateLimiter> reads = new ConcurrentHashMap<>();
    private final RateLimiterConfig writeConfig;
    private final RateLimiterConfig readConfig;

    public StaffRateLimiter(SecurityProperties properties) {
        this.writeConfig = perSecond(properties.writesPerSecond());
        this.readConfig = perSecond(properties.readsPerSecond());
    }

    /** @throws TooManyRequestsException when this staff member's writes for the current second are used up */
    public void acquireWrite(Staff staff) {
        acquire(writes.computeIfAbsent(staff.staffId(), id -> RateLimiter.of("staff-writes", writeConfig)));
    }

    /** @throws TooManyRequestsException when this staff member's customer lookups for the second are used up */
    public void acquireRead(Staff staff) {
        acquire(reads.computeIfAbsent(staff.staffId(), id -> RateLimiter.of("staff-reads", readConfig)));
    }

    private static void acquire(RateLimiter limiter) {
        if (!limiter.acquirePermission()) {
            throw new TooManyRequestsException();
        }
    }

    private static RateLimiterConfig perSecond(int permits) {
        return RateLimiterConfig.custom()
                .limitForPeriod(permits)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    public static class TooManyRequestsException extends RuntimeException {
        TooManyRequestsException() {
            super("rate limit reached");
        }
    }
}
