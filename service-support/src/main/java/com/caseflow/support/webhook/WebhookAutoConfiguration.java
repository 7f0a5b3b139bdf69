package com.caseflow.support.webhook;

import com.caseflow.support.config.ClockAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;

/** The factory of signed-request checkers; the checkers themselves are each service's beans. */
@AutoConfiguration(after = {DataMongoAutoConfiguration.class, ClockAutoConfiguration.class})
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnBean(MongoTemplate.class)
public class WebhookAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SignedRequestsFactory signedRequestsFactory(MongoTemplate mongo, Clock clock) {
        return new SignedRequestsFactory(mongo, clock);
    }
}
