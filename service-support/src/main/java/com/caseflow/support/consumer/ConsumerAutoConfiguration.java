package com.caseflow.support.consumer;

import com.caseflow.events.Topics;
import com.caseflow.support.sealing.EventSealingAutoConfiguration;
import com.caseflow.events.sealing.Keyring;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every consuming service reads records with, and where its dead letters go: {@code <topic>.dlq}, counted by
 * topic in {@code caseflow.dead.letters}, with the binder's {@code x-exception-*} headers naming the error. Only
 * poison and other failures that will not pass by themselves go there: a record that failed because the store is away
 * is kept and retried until the store is back ({@link StoreOutageRetry}).
 */
@AutoConfiguration(after = EventSealingAutoConfiguration.class)
@ConditionalOnClass(DlqDestinationResolver.class)
// Only with consumers declared: Spring Cloud Stream would otherwise take the resolver, a BiFunction, for the one
// function to bind.
@ConditionalOnProperty("spring.cloud.function.definition")
@EnableConfigurationProperties(ConsumerRetryProperties.class)
public class ConsumerAutoConfiguration {

    @Bean
    StoreOutageRetry storeOutageRetry(ConsumerRetryProperties retry, ApplicationContext context, MeterRegistry meters,
                                      ObjectProvider<ListenerContainerRegistry> registry) {
        return new StoreOutageRetry(retry, context, meters, registry.getIfAvailable());
    }

    @Bean
    EnvelopeReader envelopeReader(JsonMapper json, Keyring keyring) {
        return new EnvelopeReader(json, keyring);
    }

    @Bean
    DlqDestinationResolver deadLetters(MeterRegistry meters) {
        return (record, exception) -> {
            meters.counter("caseflow.dead.letters", "topic", record.topic()).increment();
            return Topics.deadLetter(record.topic());
        };
    }
}
