package com.caseflow.intake.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param batchSize     entries published per round
 * @param sweepInterval how long the relay waits for a signal before it looks for pending entries anyway (entries
 *                      left by a crash, or by an instance that lost its broker)
 * @param sendTimeout   how long one round waits for the broker's acknowledgements
 */
@ConfigurationProperties("caseflow.outbox")
public record OutboxProperties(int batchSize, Duration sweepInterval, Duration sendTimeout) {

    public OutboxProperties {
        batchSize = batchSize <= 0 ? 200 : batchSize;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(2) : sweepInterval;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
    }
}
