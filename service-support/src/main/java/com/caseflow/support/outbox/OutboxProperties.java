package com.caseflow.support.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * @param collections         the collections whose documents carry an outbox
 * @param batchSize           documents published per round
 * @param sweepInterval       how often the store is swept while entries may be pending there (after a failed send,
 *                            at start-up)
 * @param safetySweepInterval how often the store is swept anyway, for entries of an instance that crashed
 * @param lease               how long the writing instance keeps its entries to itself
 * @param sendTimeout         how long one round waits for the broker's acknowledgements
 */
@ConfigurationProperties("caseflow.outbox")
public record OutboxProperties(List<String> collections, int batchSize, Duration sweepInterval,
                               Duration safetySweepInterval, Duration lease, Duration sendTimeout) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        batchSize = batchSize <= 0 ? 200 : batchSize;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(2) : sweepInterval;
        safetySweepInterval = safetySweepInterval == null ? Duration.ofMinutes(5) : safetySweepInterval;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
    }
}
