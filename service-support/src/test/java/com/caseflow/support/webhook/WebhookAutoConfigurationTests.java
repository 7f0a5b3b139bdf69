package com.caseflow.support.webhook;

import com.caseflow.support.config.ClockAutoConfiguration;
import com.caseflow.support.testing.EmbeddedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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
                    SignedRequests calls = factory.create("phone_signatures", "p", "a", Duration.ofMinutes(5));
                    SignedRequests replies = factory.create("sms_replay_keys", "s", "b", Duration.ofMinutes(2));

                    assertThat(calls).isNotSameAs(replies);
                    assertThat(replies.window()).isEqualTo(Duration.ofMinutes(2));
                });
    }

    @Test
    void whenThereIsNoMongoThenThereIsNoFactoryButThePolicyIsStrict() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class, WebhookAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(SignedRequestsFactory.class);
                    assertThat(context.getBean(WebhookPolicy.class)).isEqualTo(WebhookPolicy.strict());
                });
    }

    @Test
    void whenNothingTurnsSigningOffThenABlankSecretStopsTheServiceNamingIt() {
        withAPhoneChecker("caseflow.phone.secret=")
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    assertThat(failure).rootCause().isInstanceOf(WebhookPolicyViolation.class)
                            .hasMessageContaining("caseflow.phone.secret (CASEFLOW_PHONE_SECRET) is blank");
                    FailureAnalysis analysis = new WebhookPolicyFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription()).contains("caseflow.phone.secret (CASEFLOW_PHONE_SECRET)")
                            .contains("caseflow.webhooks.require-signature=true");
                    assertThat(analysis.getAction()).contains("deploy/make-secrets.sh");
                });
    }

    @Test
    void whenTheLocalStackTurnsSigningOffThenABlankSecretOnlyRefusesEveryRequest() {
        withAPhoneChecker("caseflow.phone.secret=", "caseflow.webhooks.require-signature=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    SignedRequests phone = context.getBean(SignedRequests.class);
                    assertThat(phone.hasSecret()).isFalse();
                    assertThat(phone.check("1", "sha256=00", new byte[0])).isEqualTo(SignedRequests.Verdict.NO_SECRET);
                });
    }

    @Test
    void whenTheSecretIsSetThenTheStrictPolicyStarts() {
        withAPhoneChecker("caseflow.phone.secret=shared")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(SignedRequests.class));
    }

    private static ApplicationContextRunner withAPhoneChecker(String... properties) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class, MongoAutoConfiguration.class,
                        DataMongoAutoConfiguration.class, WebhookAutoConfiguration.class))
                .withPropertyValues("spring.mongodb.uri=" + EmbeddedMongo.freshDatabaseUri())
                .withPropertyValues(properties)
                .withUserConfiguration(PhoneChecker.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class PhoneChecker {

        @Bean
        SignedRequests phoneSignatures(SignedRequestsFactory factory, Environment environment) {
            return factory.create("phone_signatures", "caseflow.phone.secret (CASEFLOW_PHONE_SECRET)",
                    environment.getProperty("caseflow.phone.secret"), Duration.ofMinutes(5));
        }
    }
}
