package com.caseflow.intake.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param batchSize     entries published per round
 * @param sweepInterval       how often the store is swept while entries may be pending there (after a failed
 *                            send, at start-up)
 * @param safetySweepInterval how often the store is swept anyway, for entries of an instance that crashed
 * @param sendTimeout         how long one round waits for the broker's acknowledgements
 */
@ConfigurationProperties("caseflow.outbox")
public record OutboxProperties(int batchSize, Duration sweepInterval, Duration safetySweepInterval,
                               Duration sendTimeout) {

    public OutboxProperties {
        batchSize = batchSize <= 0 ? 200 : batchSize;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(2) : sweepInterval;
        safetySweepInterval = safetySweepInterval == null ? Duration.ofMinutes(5) : safetySweepInterval;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
    }
}
