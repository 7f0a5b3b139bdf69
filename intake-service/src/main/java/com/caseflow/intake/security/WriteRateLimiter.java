package com.caseflow.intake.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Caps how fast one member of staff can record contacts (Resilience4j RateLimiter, one per staff id). */
@Component
public class WriteRateLimiter {

    private final RateLimiterRegistry limiters;
    private final RateLimiterConfig config;

    public WriteRateLimiter(RateLimiterRegistry limiters, SecurityProperties properties) {
        this.limiters = limiters;
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(properties.writesPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /** @throws TooManyRequestsException when this staff member's writes for the current second are used up */
    public void acquire(Staff staff) {
        RateLimiter limiter = limiters.rateLimiter("intake-writes:" + staff.staffId(), config);
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
