package com.caseflow.support.outbox;

import com.caseflow.events.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.time.Duration;
import java.util.List;

/**
 * @param collections         the collections whose documents carry an outbox
 * @param batchSize           documents published per round
 * @param sweepInterval       how often the store is swept while entries may be pending there (after a failed send,
 *                            at start-up)
 * @param safetySweepInterval how often the store is swept anyway, for entries of an instance that crashed
 * @param lease               how long the writing instance keeps its entries to itself
 * @param sendTimeout         how long one round waits for the broker's acknowledgements; also how long a send may
 *                            wait for a topic's metadata
 * @param maxAttempts         rounds an entry may fail on a topic (with the broker answering) before it is parked
 * @param recreatedTopics     prefixes of the topics the relay creates again when they are missing (a department's
 *                            topic deleted by mistake); any other missing topic is an error that parks its entries
 * @param topicPartitions     partitions of a re-created topic when no sibling topic with the same prefix shows them
 * @param topicReplicas       replicas of a re-created topic, likewise
 */
@ConfigurationProperties("caseflow.outbox")
public record OutboxProperties(List<String> collections, int batchSize, Duration sweepInterval,
                               Duration safetySweepInterval, Duration lease, Duration sendTimeout, int maxAttempts,
                               List<String> recreatedTopics, int topicPartitions, short topicReplicas) {

    @ConstructorBinding
    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        batchSize = batchSize <= 0 ? 200 : batchSize;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(2) : sweepInterval;
        safetySweepInterval = safetySweepInterval == null ? Duration.ofMinutes(5) : safetySweepInterval;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
        maxAttempts = maxAttempts <= 0 ? 10 : maxAttempts;
        recreatedTopics = recreatedTopics == null ? List.of(Topics.CASES + ".dept.") : List.copyOf(recreatedTopics);
        topicPartitions = topicPartitions <= 0 ? Topics.LOCAL_PARTITIONS : topicPartitions;
        topicReplicas = topicReplicas <= 0 ? 1 : topicReplicas;
    }

    public OutboxProperties(List<String> collections, int batchSize, Duration sweepInterval,
                            Duration safetySweepInterval, Duration lease, Duration sendTimeout) {
        this(collections, batchSize, sweepInterval, safetySweepInterval, lease, sendTimeout, 0, null, 0, (short) 0);
    }
}
