package com.caseflow.support.outbox;

import com.caseflow.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Which topics exist, asked of the broker once per topic: a producer sending to a missing topic waits for its
 * metadata until {@code max.block.ms} and then fails with a timeout, which would hold the relay's one thread and
 * look like a broker outage. A missing topic whose name has one of the configured prefixes (a department's topic) is
 * created again, with the partitions and replicas of a sibling topic of the same prefix.
 */
class OutboxTopics implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxTopics.class);

    enum State { PRESENT, MISSING, UNKNOWN }

    private final Admin admin;
    private final OutboxProperties properties;
    private final Duration timeout;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final Counter recreated;

    OutboxTopics(Admin admin, OutboxProperties properties, MeterRegistry meters) {
        this.admin = admin;
        this.properties = properties;
        this.timeout = properties.sendTimeout();
        this.recreated = Counter.builder("caseflow.outbox.topics.recreated")
                .description("missing topics the outbox relay created again").register(meters);
    }

    /** PRESENT also after re-creating the topic; UNKNOWN when the broker did not answer (the send will tell). */
    State ensure(String topic) {
        if (known.contains(topic)) {
            return State.PRESENT;
        }
        try {
            admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            known.add(topic);
            return State.PRESENT;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                return State.UNKNOWN;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return State.UNKNOWN;
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            return State.UNKNOWN;
        }
        return recreatable(topic) && create(topic) ? State.PRESENT : State.MISSING;
    }

    /** A send to the topic failed as if it were missing: ask the broker again before the next send. */
    void forget(String topic) {
        known.remove(topic);
    }

    private boolean recreatable(String topic) {
        return properties.recreatedTopics().stream().anyMatch(topic::startsWith);
    }

    private boolean create(String topic) {
        String prefix = properties.recreatedTopics().stream().filter(topic::startsWith).findFirst().orElseThrow();
        int partitions = properties.topicPartitions();
        short replicas = properties.topicReplicas();
        Optional<TopicDescription> sibling = sibling(prefix, topic);
        if (sibling.isPresent()) {
            partitions = sibling.get().partitions().size();
            replicas = (short) sibling.get().partitions().get(0).replicas().size();
        }
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, replicas).configs(Topics.configs(topic))))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            recreated.increment();
            log.warn("Outbox topic {} was missing and is created again ({} partitions, {} replicas)", topic,
                    partitions, replicas);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn("Outbox topic {} is missing and could not be created: {}", topic, e.getCause().toString());
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            log.warn("Outbox topic {} is missing and could not be created: {}", topic, e.toString());
            return false;
        }
        known.add(topic);
        return true;
    }

    private Optional<TopicDescription> sibling(String prefix, String topic) {
        try {
            Optional<String> name = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .stream().filter(n -> n.startsWith(prefix) && !n.equals(topic)).sorted().findFirst();
            if (name.isEmpty()) {
                return Optional.empty();
            }
            Map<String, TopicDescription> found = admin.describeTopics(List.of(name.get())).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.ofNullable(found.get(name.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
