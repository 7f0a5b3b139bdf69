package com.caseflow.support.deadletter;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The topics whose dead letters a service offers: its input bindings that dead-letter, as routing declares them. */
class DeadLetterTopicsTests {

    @Test
    void whenInputBindingsDeadLetterThenTheirDestinationsAreTheTopics() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.cloud.stream.bindings.routeContact-in-0.destination", "contacts")
                .withProperty("spring.cloud.stream.bindings.reopenCase-in-0.destination", "followups")
                .withProperty("spring.cloud.stream.bindings.calendars-in-0.destination", "calendars")
                .withProperty("spring.cloud.stream.bindings.announce-out-0.destination", "cases")
                .withProperty("spring.cloud.stream.kafka.bindings.routeContact-in-0.consumer.enable-dlq", "true")
                .withProperty("spring.cloud.stream.kafka.bindings.reopenCase-in-0.consumer.enable-dlq", "true");

        assertThat(DeadLetterAutoConfiguration.consumedTopics(environment)).containsExactly("contacts", "followups");
    }

    @Test
    void whenTopicsAreConfiguredThenTheyWin() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("caseflow.dead-letters.topics", "cases, calls")
                .withProperty("spring.cloud.stream.bindings.routeContact-in-0.destination", "contacts")
                .withProperty("spring.cloud.stream.kafka.bindings.routeContact-in-0.consumer.enable-dlq", "true");

        assertThat(DeadLetterAutoConfiguration.consumedTopics(environment)).containsExactly("cases", "calls");
    }
}
