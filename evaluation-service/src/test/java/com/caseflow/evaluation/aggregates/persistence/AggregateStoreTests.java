package com.caseflow.evaluation.aggregates.persistence;

import com.caseflow.evaluation.aggregates.domain.AgentDay;
import com.caseflow.evaluation.aggregates.domain.SourcePosition;
import com.caseflow.evaluation.support.EvaluationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
    void whenARecordIsRedeliveredAfterACrashMidwayThenEachDocumentCountsItOnceHoweverManyCameBetween() {
        String agent = "A-" + UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 11, 2);
        String crashed = UUID.randomUUID().toString();
        SourcePosition at = SourcePosition.of("contacts", 0, 1_000);

        store.addAgent(agent, day, at, ONE_CALL);
        for (int i = 1; i <= 300; i++) {
            String other = UUID.randomUUID().toString();
            store.addAgent(agent, day, SourcePosition.of("contacts", 0, 1_000 + i), ONE_CALL);
            store.markFolded(other, Instant.now());
        }
        assertThat(store.folded(crashed)).isFalse();
        store.addAgent(agent, day, at, ONE_CALL);
        store.markFolded(crashed, Instant.now());

        assertThat(store.agentTotal(agent, day, day).phoneCalls()).isEqualTo(301);
        assertThat(store.agentTotal(agent, day.withDayOfMonth(1), day.withDayOfMonth(30)).phoneCalls())
                .as("the month's document").isEqualTo(301);
        assertThat(store.folded(crashed)).isTrue();
    }

    /**
     * Before, each document kept the id of every event counted in for a week: at the fault suite's load a project's
     * day grew past 200 KB within the hour, and every write rewrote it.
     */
    @Test
    void whenThousandsOfRecordsAreCountedThenADocumentHoldsOnePositionPerPartition() {
        String agent = "A-" + UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 11, 4);
        store.addAgent(agent, day, SourcePosition.of("contacts", 1, 1), ONE_CALL);
        int first = jsonSize(agent, day);

        for (int i = 2; i <= 2_000; i++) {
            store.addAgent(agent, day, SourcePosition.of(i % 3 == 0 ? "calls" : "contacts", i % 2, i), ONE_CALL);
        }

        assertThat(store.agentTotal(agent, day, day).phoneCalls()).isEqualTo(2_000);
        assertThat(jsonSize(agent, day)).as("characters as JSON after 2,000 records, after one: " + first)
                .isLessThan(first + 200);
        assertThat(mongo.findById(AgentDayDocument.idOf(agent, day.toString()), org.bson.Document.class,
                AgentDayDocument.COLLECTION).get("marks", org.bson.Document.class)).hasSize(4)
                .containsEntry("contacts-0", SourcePosition.of("contacts", 0, 2_000).value())
                .containsEntry("calls-1", SourcePosition.of("calls", 1, 1_995).value());
    }

    /** A consumer that lost its partition counts nothing the new owner counted, whichever of them is ahead. */
    @Test
    void whenAZombieAndTheNewOwnerFoldTheSameRecordsInterleavedThenEachIsCountedOnce() {
        String agent = "A-" + UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 11, 5);
        // the zombie had worked 1..5 and polled up to 10; the new owner starts at the last commit, 3
        for (long offset = 1; offset <= 5; offset++) {
            store.addAgent(agent, day, SourcePosition.of("contacts", 0, offset), ONE_CALL);
        }
        for (long offset = 3; offset <= 7; offset++) {
            store.addAgent(agent, day, SourcePosition.of("contacts", 0, offset), ONE_CALL);
        }
        for (long offset = 6; offset <= 10; offset++) {
            store.addAgent(agent, day, SourcePosition.of("contacts", 0, offset), ONE_CALL);
        }
        for (long offset = 8; offset <= 12; offset++) {
            store.addAgent(agent, day, SourcePosition.of("contacts", 0, offset), ONE_CALL);
        }

        assertThat(store.agentTotal(agent, day, day).phoneCalls()).isEqualTo(12);
    }

    @Test
    void whenADocumentStillHasTheEventIdsOfBeforeThenItsNextWriteTakesThemOff() {
        String agent = "A-" + UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 11, 6);
        String id = AgentDayDocument.idOf(agent, day.toString());
        store.addAgent(agent, day, SourcePosition.of("contacts", 0, 1), ONE_CALL);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().unset("marks").set("applied", List.of("e1", "e2")), AgentDayDocument.COLLECTION);

        store.addAgent(agent, day, SourcePosition.of("contacts", 0, 2), ONE_CALL);

        org.bson.Document stored = mongo.findById(id, org.bson.Document.class, AgentDayDocument.COLLECTION);
        assertThat(stored).doesNotContainKey("applied");
        assertThat(store.agentTotal(agent, day, day).phoneCalls()).isEqualTo(2);
    }

    private int jsonSize(String agent, LocalDate day) {
        return mongo.findById(AgentDayDocument.idOf(agent, day.toString()), org.bson.Document.class,
                AgentDayDocument.COLLECTION).toJson().length();
    }

    @Test
    void whenAStoreHasDayCountersWithoutMonthsThenTheMonthsAreFilledFromTheDaysOnce() {
        String agent = "OLD-" + UUID.randomUUID();
        for (String day : List.of("2025-03-03", "2025-03-04", "2025-04-01")) {
            mongo.insert(new AgentDayDocument(AgentDayDocument.idOf(agent, day), 0, agent, day, ONE_CALL, Map.of()));
        }
        mongo.remove(Query.query(Criteria.where("_id").is(AggregateStore.MONTHS_FILLED)), AggregateStore.MIGRATIONS);

        store.afterPropertiesSet();
        store.afterPropertiesSet();

        assertThat(store.agentTotal(agent, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)).phoneCalls())
                .as("March from its month document").isEqualTo(2);
        assertThat(store.agentTotal(agent, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 30)).phoneCalls())
                .isEqualTo(3);
    }

    @Test
    void whenAPeriodCoversWholeMonthsAndSomeDaysThenEachCallIsCountedOnceFromMonthsAndDays() {
        String agent = "A-" + UUID.randomUUID();
        store.addAgent(agent, LocalDate.of(2026, 10, 31), SourcePosition.of("contacts", 0, 1), ONE_CALL);
        store.addAgent(agent, LocalDate.of(2026, 11, 2), SourcePosition.of("contacts", 0, 2), ONE_CALL);
        store.addAgent(agent, LocalDate.of(2026, 11, 30), SourcePosition.of("contacts", 0, 3), ONE_CALL);
        store.addAgent(agent, LocalDate.of(2026, 12, 1), SourcePosition.of("contacts", 0, 4), ONE_CALL);

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
