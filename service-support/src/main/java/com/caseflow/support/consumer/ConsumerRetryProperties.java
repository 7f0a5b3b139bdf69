package com.caseflow.support.consumer;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Back-off between tries of a record that failed because the store is away ({@code caseflow.consumer.retry}); there
 * is no limit on the number of tries.
 */
@ConfigurationProperties("caseflow.consumer.retry")
public record ConsumerRetryProperties(Duration initialInterval, Duration maxInterval, Double multiplier) {

    public ConsumerRetryProperties {
        initialInterval = initialInterval == null ? Duration.ofMillis(500) : initialInterval;
        maxInterval = maxInterval == null ? Duration.ofSeconds(10) : maxInterval;
        multiplier = multiplier == null ? 2.0 : multiplier;
    }
}
