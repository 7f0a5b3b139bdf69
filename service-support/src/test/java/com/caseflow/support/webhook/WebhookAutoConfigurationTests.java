package com.caseflow.support.webhook;

import com.caseflow.support.config.ClockAutoConfiguration;
import com.caseflow.support.testing.EmbeddedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookAutoConfigurationTests {

    @Test
    void whenMongoIsConfiguredThenEachServiceMakesItsOwnCheckersFromTheFactory() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class, MongoAutoConfiguration.class,
                        DataMongoAutoConfiguration.class, WebhookAutoConfiguration.class))
                .withPropertyValues("spring.mongodb.uri=" + EmbeddedMongo.freshDatabaseUri())
                .run(context -> {
                    SignedRequestsFactory factory = context.getBean(SignedRequestsFactory.class);
                    SignedRequests calls = factory.create("phone_signatures", "a", Duration.ofMinutes(5));
                    SignedRequests replies = factory.create("sms_replay_keys", "b", Duration.ofMinutes(2));

                    assertThat(calls).isNotSameAs(replies);
                    assertThat(replies.window()).isEqualTo(Duration.ofMinutes(2));
                });
    }

    @Test
    void whenThereIsNoMongoThenThereIsNoFactory() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class, WebhookAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SignedRequestsFactory.class));
    }
}
