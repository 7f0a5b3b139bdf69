package com.caseflow.support.webhook;

import com.caseflow.support.config.ClockAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;

/**
 * The webhook policy ({@code caseflow.webhooks}, strict unless the local stack says otherwise) and the factory of
 * signed-request checkers; the checkers themselves are each service's beans.
 */
@AutoConfiguration(after = {DataMongoAutoConfiguration.class, ClockAutoConfiguration.class})
@EnableConfigurationProperties(WebhookPolicy.class)
public class WebhookAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoTemplate.class)
    @ConditionalOnBean(MongoTemplate.class)
    static class SignedRequestsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        SignedRequestsFactory signedRequestsFactory(MongoTemplate mongo, Clock clock, WebhookPolicy policy) {
            return new SignedRequestsFactory(mongo, clock, policy);
        }
    }
}
