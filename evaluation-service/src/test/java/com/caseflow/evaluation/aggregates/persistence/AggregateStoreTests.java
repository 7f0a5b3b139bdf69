package com.caseflow.evaluation.aggregates.persistence;

import com.caseflow.evaluation.aggregates.domain.AgentDay;
import com.caseflow.evaluation.support.EvaluationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@EvaluationServiceTest
class AggregateStoreTests {

    private static final AgentDay ONE_CALL = new AgentDay(1, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    @Autowired
    AggregateStore store;

    @Test
    void whenAnEventIsRedeliveredBeforeItWasMarkedFoldedThenEachDocumentStillCountsItOnce() {
        String agent = "A-" + UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 11, 2);
        String first = UUID.randomUUID().toString();

        store.addAgent(agent, day, first, ONE_CALL);
        for (int i = 0; i < 50; i++) {
            store.addAgent(agent, day, UUID.randomUUID().toString(), ONE_CALL);
        }
        store.addAgent(agent, day, first, ONE_CALL);

        assertThat(store.agentTotal(agent, day, day).phoneCalls()).isEqualTo(51);
        assertThat(store.agentTotal(agent, day.withDayOfMonth(1), day.withDayOfMonth(30)).phoneCalls())
                .as("the month's document").isEqualTo(51);
        assertThat(store.folded(first)).isFalse();
        store.markFolded(first, Instant.now());
        store.markFolded(first, Instant.now());
        assertThat(store.folded(first)).isTrue();
    }

    @Test
    void whenAPeriodCoversWholeMonthsAndSomeDaysThenEachCallIsCountedOnceFromMonthsAndDays() {
        String agent = "A-" + UUID.randomUUID();
        store.addAgent(agent, LocalDate.of(2026, 10, 31), UUID.randomUUID().toString(), ONE_CALL);
        store.addAgent(agent, LocalDate.of(2026, 11, 2), UUID.randomUUID().toString(), ONE_CALL);
        store.addAgent(agent, LocalDate.of(2026, 11, 30), UUID.randomUUID().toString(), ONE_CALL);
        store.addAgent(agent, LocalDate.of(2026, 12, 1), UUID.randomUUID().toString(), ONE_CALL);

        assertThat(store.agentTotal(agent, LocalDate.of(2026, 10, 31), LocalDate.of(2026, 12, 1)).phoneCalls())
                .as("a day, a whole month, a day").isEqualTo(4);
        assertThat(store.agentTotal(agent, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31)).phoneCalls())
                .as("two whole months").isEqualTo(3);
        assertThat(store.agentTotal(agent, LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 30)).phoneCalls())
                .isEqualTo(1);
        assertThat(store.agentsInPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 15)).get(agent)
                .phoneCalls()).isEqualTo(2);
    }
}
