package com.caseflow.support.sealing;

import com.caseflow.events.sealing.Keyring;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** A service that must seal starts only with its key; one that only reads (evaluation) starts without any. */
class EventSealingAutoConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EventSealingAutoConfiguration.class));

    @Test
    void whenAServiceNamesAKeyIdToSealWithButHasNoSuchKeyThenItDoesNotStart() {
        context.withPropertyValues("caseflow.events.sealing.current=k1")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasRootCauseMessage("no sealing key for the current key id k1"));
        context.withPropertyValues("caseflow.events.sealing.current=k1", "caseflow.events.sealing.keys.k1=c2hvcnQ=")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("k1").hasMessageNotContaining("c2hvcnQ="));
    }

    @Test
    void whenAServiceHasItsKeyOrNeedsNoneThenItStartsAndSealsOnlyWithAKey() {
        context.withPropertyValues("caseflow.events.sealing.current=k1",
                        "caseflow.events.sealing.keys.k1=" + SealedFieldsTests.KEY_2026,
                        "caseflow.events.customer-token-secret=s")
                .run(started -> {
                    assertThat(started.getBean(Keyring.class).seals()).isTrue();
                    assertThat(started.getBean(CustomerTokens.class).of("138 1234 5678")).get().asString()
                            .startsWith("ct1-").isEqualTo(started.getBean(CustomerTokens.class).of("13812345678")
                                    .orElseThrow());
                });
        context.run(started -> {
            assertThat(started.getBean(Keyring.class).opens()).isFalse();
            assertThat(started).doesNotHaveBean(CustomerTokens.class);
        });
        // a profile blanks the local key it must not hold
        context.withPropertyValues("caseflow.events.sealing.keys.local=")
                .run(started -> assertThat(started.getBean(Keyring.class).opens()).isFalse());
    }
}
