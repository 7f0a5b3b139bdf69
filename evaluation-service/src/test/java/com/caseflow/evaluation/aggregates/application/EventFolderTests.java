package com.caseflow.evaluation.aggregates.application;

import com.caseflow.evaluation.aggregates.domain.DepartmentDay;
import com.caseflow.evaluation.aggregates.domain.Kpis;
import com.caseflow.evaluation.aggregates.domain.CaseFacts;
import com.caseflow.evaluation.aggregates.domain.Folding;
import com.caseflow.evaluation.aggregates.domain.SourcePosition;
import com.caseflow.evaluation.aggregates.persistence.AggregateStore;
import com.caseflow.evaluation.aggregates.persistence.CaseFactsStore;
import com.caseflow.evaluation.aggregates.persistence.DeadlineDecisions;
import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.cases.CaseAccepted;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.followup.CaseEscalated;
import com.caseflow.events.followup.DeadlineKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The folder's own crash windows, driven directly: what a redelivery finds and what it leaves. */
@EvaluationServiceTest
class EventFolderTests {

    @Autowired
    EventFolder folder;
    @Autowired
    AggregateStore aggregates;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Folding folding;
    @Autowired
    CaseFactsStore facts;
    @Autowired
    DeadlineDecisions deadlines;
    @Autowired
    Clock clock;

    private static final Instant AT = Instant.parse("2026-09-15T02:00:00Z"); // 10:00 in Shanghai

    /** Positions of a partition of the tests' own, one record after the other. */
    private static final AtomicLong OFFSETS = new AtomicLong();

    private static SourcePosition next() {
        return SourcePosition.of("tests", 0, OFFSETS.incrementAndGet());
    }

    private static <T> EventEnvelope<T> envelope(String key, T event) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), EventTypes.nameOf(event), 1, AT, key, key, event);
    }

    private static CaseRouted routed(String caseId, String agent, String department) {
        return new CaseRouted(caseId, 1, "c-" + caseId, agent, Channel.PHONE, AT, "SH-LJY", null,
                ContactCategory.REPAIR, "漏水", null, Complexity.COMPLEX, Priority.HIGH, List.of(), department,
                "repairs", 1, new Deadlines(AT.plusSeconds(3600), AT.plusSeconds(8 * 3600), 1, 8), null, AT, "HEAD");
    }

    private static CaseEscalated escalated(String caseId, String department, DeadlineKind kind, Instant dueAt) {
        return new CaseEscalated(caseId, kind, 1, "DEPARTMENT_HEAD", department, null, "SH-LJY", Priority.HIGH, dueAt,
                0, dueAt, "HEAD");
    }

    private DepartmentDay day(String department) {
        return aggregates.departmentTotal(department, LocalDate.parse("2026-09-15"), LocalDate.parse("2026-09-15"));
    }

    @Test
    void whenAnEscalationAndALateAcceptanceBothTellOfOneMissedDeadlineThenItIsMissedOnce() {
        String department = "D-" + UUID.randomUUID().toString().substring(0, 6);
        String missed = UUID.randomUUID().toString();
        folder.routed(envelope(missed, routed(missed, "F-A", department)), next());
        folder.escalated(envelope(missed, escalated(missed, department, DeadlineKind.FIRST_RESPONSE,
                AT.plusSeconds(3600))), next());
        // a repeat caller raised the priority: follow-up re-timed the deadline and escalated again
        folder.escalated(envelope(missed, escalated(missed, department, DeadlineKind.FIRST_RESPONSE,
                AT.plusSeconds(1800))), next());
        folder.accepted(envelope(missed, new CaseAccepted(missed, 2, department, "D-1", AT.plusSeconds(7200))),
                next());

        String met = UUID.randomUUID().toString();
        folder.routed(envelope(met, routed(met, "F-B", department)), next());
        folder.accepted(envelope(met, new CaseAccepted(met, 2, department, "D-1", AT.plusSeconds(600))), next());
        // follow-up lagged behind the acceptance and escalated a deadline that was met
        folder.escalated(envelope(met, escalated(met, department, DeadlineKind.FIRST_RESPONSE,
                AT.plusSeconds(3600))), next());

        DepartmentDay counted = day(department);
        assertThat(counted.firstResponseMissed()).isEqualTo(1);
        assertThat(counted.acceptedOnTime()).isEqualTo(1);
        assertThat(counted.accepted()).isEqualTo(2);
        assertThat(counted.escalations()).containsEntry("1", 3L);
        assertThat(Kpis.of(counted).firstResponseCompliance()).isEqualTo(0.5);
    }

    @Test
    void whenACrashCameAfterTheFactsWereSavedButBeforeTheEventWasMarkedThenTheRedeliveryMarksIt() {
        String caseId = UUID.randomUUID().toString();
        String agent = "F-" + caseId.substring(0, 6);
        EventEnvelope<CaseRouted> envelope = envelope(caseId, routed(caseId, agent, "ENGINEERING"));
        SourcePosition at = next();
        folder.routed(envelope, at);
        // the state a crash between saving the facts and marking the event leaves behind (its position counted)
        mongo.remove(Query.query(Criteria.where("_id").is(envelope.eventId())), "folded_events");
        String dayDocument = agent + "|2026-09-15";

        folder.routed(envelope, at);

        assertThat(aggregates.agentTotal(agent, LocalDate.parse("2026-09-15"), LocalDate.parse("2026-09-15"))
                .casesOpened()).isEqualTo(1);
        assertThat(aggregates.folded(envelope.eventId())).isTrue();
        assertThat(mongo.findById(dayDocument, org.bson.Document.class, "agent_days").get("marks",
                org.bson.Document.class)).as("one position per partition").containsExactly(
                Map.entry(at.key(), at.value()));
    }

    /**
     * A zombie: an instance that read the record, then froze past its session while the partition moved. The new
     * owner folds the record; then the zombie wakes up and folds the same record, at the same position. Driven
     * deterministically: the new owner runs inside the zombie's check.
     */
    @Test
    void whenAConsumerThatLostItsPartitionFoldsAnEventTheNewOwnerFoldedThenItIsCountedOnce() {
        String agent = "Z-" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope<ContactReceived> contact = envelope("c-" + agent, new ContactReceived("c-" + agent,
                Channel.PHONE, agent, AT, AT.minusSeconds(20), AT.minusSeconds(10), 2, true, true, null, null, null,
                "张三", null, "13812345678", null, "SH-LJY", null, "漏水", ContactCategory.REPAIR, false, true));
        SourcePosition at = next();
        EventFolder zombie = zombie(() -> folder.contact(contact, at));

        zombie.contact(contact, at);

        LocalDate day = LocalDate.parse("2026-09-15");
        assertThat(aggregates.agentTotal(agent, day, day).phoneCalls()).as("the agent's day").isEqualTo(1);
        assertThat(aggregates.agentTotal(agent, day.withDayOfMonth(1), day.withDayOfMonth(30)).phoneCalls())
                .as("the agent's month").isEqualTo(1);
    }

    @Test
    void whenAZombieFinishesAnOldCaseEventLateThenTheCaseFactsDoNotMoveBack() {
        String caseId = UUID.randomUUID().toString();
        String department = "D-" + caseId.substring(0, 6);
        EventEnvelope<CaseRouted> routed = envelope(caseId, routed(caseId, "F-Z", department));
        SourcePosition at = next();
        EventFolder zombie = zombie(() -> {
            folder.routed(routed, at);
            folder.accepted(envelope(caseId, new CaseAccepted(caseId, 2, department, "D-1", AT.plusSeconds(600))),
                    next());
        });

        zombie.routed(routed, at);

        assertThat(facts.find(caseId)).get().extracting(CaseFacts::sequence).isEqualTo(2L);
        assertThat(day(department).accepted()).isEqualTo(1);
        assertThat(aggregates.departmentTotal(department, LocalDate.parse("2026-09-01"),
                LocalDate.parse("2026-09-30")).accepted()).isEqualTo(1);
    }

    /** A second folder on the same store whose check of the event lets the new owner run before it goes on. */
    private EventFolder zombie(Runnable newOwner) {
        AggregateStore frozenAfterItsCheck = new AggregateStore(mongo) {
            @Override
            public boolean folded(String eventId) {
                boolean folded = super.folded(eventId);
                newOwner.run();
                return folded;
            }
        };
        return new EventFolder(folding, frozenAfterItsCheck, facts, deadlines, clock);
    }
}
