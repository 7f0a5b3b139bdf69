package com.caseflow.evaluation.aggregates.persistence;

import com.caseflow.evaluation.aggregates.domain.AgentDay;
import com.caseflow.evaluation.support.EvaluationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@EvaluationServiceTest
class AggregateStoreTests {

    private static final AgentDay ONE_CALL = new AgentDay(1, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    @Autowired
    AggregateStore store;
    @Autowired
    MongoTemplate mongo;

    @Test
    void whenAnEventIsRedeliveredAfterACrashMidwayThenEachDocumentCountsItOnceHoweverManyCameBetween() {
        String agent = "A-" + UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 11, 2);
        String crashed = UUID.randomUUID().toString();

        store.addAgent(agent, day, crashed, ONE_CALL);
        for (int i = 0; i < 300; i++) {
            String other = UUID.randomUUID().toString();
            store.markFolded(other, Instant.now(), store.addAgent(agent, day, other, ONE_CALL));
        }
        assertThat(store.folded(crashed)).isFalse();
        List<AggregateStore.Touched> touched = store.addAgent(agent, day, crashed, ONE_CALL);
        store.markFolded(crashed, Instant.now(), touched);

        assertThat(store.agentTotal(agent, day, day).phoneCalls()).isEqualTo(301);
        assertThat(store.agentTotal(agent, day.withDayOfMonth(1), day.withDayOfMonth(30)).phoneCalls())
                .as("the month's document").isEqualTo(301);
        assertThat(store.folded(crashed)).isTrue();
        assertThat(touched).extracting(t -> applied(t).contains(crashed)).as("kept for the retention window")
                .containsOnly(true);
    }

    @Test
    void whenTheRetentionWindowHasPassedThenTheSweepTakesTheFoldedEventsOffTheListsAndLeavesTheNewerOnes() {
        String agent = "A-" + UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 11, 3);
        Instant now = Instant.now();
        String old = UUID.randomUUID().toString();
        List<AggregateStore.Touched> touched = store.addAgent(agent, day, old, ONE_CALL);
        store.markFolded(old, now.minus(Duration.ofDays(8)), touched);
        String recent = UUID.randomUUID().toString();
        store.markFolded(recent, now.minus(Duration.ofDays(6)), store.addAgent(agent, day, recent, ONE_CALL));
        // a crash came after the counters were added and before the event was marked: never folded, never settled
        String inFlight = UUID.randomUUID().toString();
        store.addAgent(agent, day, inFlight, ONE_CALL);

        while (store.settleFoldedBefore(now.minus(Duration.ofDays(7)), 100) == 100) {
            // other tests' events older than the window are settled too
        }

        assertThat(touched).extracting(t -> (Object) applied(t)).containsOnly(List.of(recent, inFlight));
        assertThat(store.folded(old)).isTrue();
        assertThat(store.agentTotal(agent, day, day).phoneCalls()).isEqualTo(3);
    }

    @Test
    void whenAStoreHasDayCountersWithoutMonthsThenTheMonthsAreFilledFromTheDaysOnce() {
        String agent = "OLD-" + UUID.randomUUID();
        for (String day : List.of("2025-03-03", "2025-03-04", "2025-04-01")) {
            mongo.insert(new AgentDayDocument(AgentDayDocument.idOf(agent, day), 0, agent, day, ONE_CALL, List.of()));
        }
        mongo.remove(Query.query(Criteria.where("_id").is(AggregateStore.MONTHS_FILLED)), AggregateStore.MIGRATIONS);

        store.afterPropertiesSet();
        store.afterPropertiesSet();

        assertThat(store.agentTotal(agent, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)).phoneCalls())
                .as("March from its month document").isEqualTo(2);
        assertThat(store.agentTotal(agent, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 30)).phoneCalls())
                .isEqualTo(3);
    }

    private List<?> applied(AggregateStore.Touched touched) {
        return mongo.findById(touched.id(), org.bson.Document.class, touched.collection()).getList("applied",
                Object.class);
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
