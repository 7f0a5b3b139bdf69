package com.caseflow.intake.contacts.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RingRuleTests {

    @ParameterizedTest(name = "answered after {0} ms: ring {1}, three-ring rule kept: {2}")
    @CsvSource(textBlock = """
            0,     1, true
            4999,  1, true
            5000,  2, true
            7000,  2, true
            14999, 3, true
            15000, 4, false
            42000, 9, false
            """)
    void whenACallIsAnsweredThenItsRingIsCountedOnTheChineseCadence(long waitedMillis, int rings, boolean kept) {
        RingRule rule = RingRule.CHINA;

        int counted = rule.ringsBefore(Duration.ofMillis(waitedMillis));

        assertThat(counted).isEqualTo(rings);
        assertThat(rule.kept(counted)).isEqualTo(kept);
    }
}
