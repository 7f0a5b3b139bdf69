package com.caseflow.followup.support;

import com.caseflow.support.testing.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The one clock of the tests, shared by every application context they start (a second instance of the service
 * reads the same time). It starts on Tuesday 2026-12-01 09:00 in Shanghai and only moves forward.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    public static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T01:00:00Z"),
            ZoneId.of("Asia/Shanghai"));

    @Bean
    MutableClock clock() {
        return CLOCK;
    }
}
