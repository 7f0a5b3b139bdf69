package com.caseflow.support.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.InterceptableChannel;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.util.Map;

/**
 * Keeps a record whose processing failed only because the store is away, for as long as the store stays away, instead
 * of dead-lettering it when a retry budget runs out (a dead-lettered {@code ContactReceived} is a customer without a
 * case).
 * <p>
 * The bindings run with {@code max-attempts: 1}: the binder then hands every failure to its error channel, whose
 * dead-letter handler writes {@code <topic>.dlq} with the {@code x-exception-*} headers at once. This customizer puts
 * an interceptor on those error channels that sends a transient store failure ({@link TransientFailures}) back to the
 * listener container instead, where an error handler keeps the record and retries it with exponential back-off
 * without end. Between tries it pauses the container rather than sleeping on the poll thread, so the consumer keeps
 * polling and stays in its group however long the outage lasts ({@code max.poll.interval.ms} is never reached, no
 * other instance takes the partition while this one still holds the record).
 */
final class StoreOutageRetry implements ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>>,
        DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StoreOutageRetry.class);
    private static final String ERROR_CHANNEL_SUFFIX = ".errors";
    private static final String ANONYMOUS = "anonymous.";

    private final ConsumerRetryProperties retry;
    private final ApplicationContext context;
    private final MeterRegistry meters;
    private final ThreadPoolTaskScheduler resumer = new ThreadPoolTaskScheduler();
    private final ListenerContainerPauseService pauser;
    private final ChannelInterceptor escalation = new TransientFailureEscalation();

    StoreOutageRetry(ConsumerRetryProperties retry, ApplicationContext context, MeterRegistry meters,
                     ListenerContainerRegistry registry) {
        this.retry = retry;
        this.context = context;
        this.meters = meters;
        resumer.setThreadNamePrefix("consumer-resume-");
        resumer.setPoolSize(1);
        resumer.initialize();
        this.pauser = new ListenerContainerPauseService(registry, resumer);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group) {
        if (group == null || group.startsWith(ANONYMOUS)) {
            // a reader of its own (the console's pages): no dead-letter topic, nothing kept, left as the binder has it
            return;
        }
        DefaultErrorHandler handler = new DefaultErrorHandler(null, backOff(),
                new ContainerPausingBackOffHandler(pauser));
        handler.setClassifications(Map.of(), true);
        // Besides transient failures, only a failure of the error channel itself would reach the container: tried
        // ten times, then logged and skipped, as spring-kafka's default handler does. A failed send to the
        // dead-letter topic does not: the binder logs it and moves on (docs/architecture.md).
        handler.setBackOffFunction((record, failure) -> TransientFailures.isTransient(failure) ? backOff()
                : new FixedBackOff(1000, 9));
        handler.setSeekAfterError(false);
        handler.setLogLevel(KafkaException.Level.WARN);
        handler.setRetryListeners((record, failure, attempt) -> {
            meters.counter("caseflow.consumer.store.retries", "topic", record.topic()).increment();
            if (attempt == 1 || attempt % 20 == 0) {
                log.warn("{}-{}@{} kept after failed try {}: {}", record.topic(), record.partition(),
                        record.offset(), attempt, rootCause(failure));
            }
        });
        container.setCommonErrorHandler(handler);
        interceptErrorChannels();
    }

    private ExponentialBackOff backOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        return backOff;
    }

    /** The binder registers each binding's error channel just before it customizes that binding's container. */
    private void interceptErrorChannels() {
        // registered as SubscribableChannel, so not found by their own class before first use
        for (String name : context.getBeanNamesForType(SubscribableChannel.class)) {
            if (name.endsWith(ERROR_CHANNEL_SUFFIX)
                    && context.getBean(name) instanceof InterceptableChannel channel
                    && !channel.getInterceptors().contains(escalation)) {
                channel.addInterceptor(0, escalation);
                log.info("Transient store failures on {} are retried, not dead-lettered", name);
            }
        }
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    @Override
    public void destroy() {
        resumer.shutdown();
    }

    /** Refuses a transient failure to the dead-letter handler: the container's error handler retries it instead. */
    private static final class TransientFailureEscalation implements ChannelInterceptor {

        @Override
        public Message<?> preSend(Message<?> message, MessageChannel channel) {
            if (message.getPayload() instanceof Throwable failure && TransientFailures.isTransient(failure)) {
                throw failure instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(failure);
            }
            return message;
        }
    }
}
