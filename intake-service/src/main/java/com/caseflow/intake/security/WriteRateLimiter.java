package com.caseflow.intake.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caps how fast one member of staff can record contacts (a Resilience4j RateLimiter per staff id). The limiters are
 * kept out of the Resilience4j registry on purpose: its metrics would carry every staff id as a tag.
 */
@Component
public class WriteRateLimiter {

    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final RateLimiterConfig config;

    public WriteRateLimiter(SecurityProperties properties) {
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(properties.writesPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /** @throws TooManyRequestsException when this staff member's writes for the current second are used up */
    public void acquire(Staff staff) {
        RateLimiter limiter = limiters.computeIfAbsent(staff.staffId(), id -> RateLimiter.of("intake-writes", config));
        if (!limiter.acquirePermission()) {
            throw new TooManyRequestsException();
        }
    }

    public static class TooManyRequestsException extends RuntimeException {
        TooManyRequestsException() {
            super("write rate limit reached");
        }
    }
}
