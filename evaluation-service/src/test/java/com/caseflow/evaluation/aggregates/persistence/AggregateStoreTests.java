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

        assertThat(store.agentDays(agent, day, day).get(day.toString()).phoneCalls()).isEqualTo(51);
        assertThat(store.folded(first)).isFalse();
        store.markFolded(first, Instant.now());
        store.markFolded(first, Instant.now());
        assertThat(store.folded(first)).isTrue();
    }
}
