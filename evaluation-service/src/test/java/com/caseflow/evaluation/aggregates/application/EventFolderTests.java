package com.caseflow.evaluation.aggregates.application;

import com.caseflow.evaluation.aggregates.persistence.AggregateStore;
import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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

    @Test
    void whenACrashCameAfterTheFactsWereSavedButBeforeTheEventWasMarkedThenTheRedeliveryMarksAndSettlesIt() {
        String caseId = UUID.randomUUID().toString();
        String agent = "F-" + caseId.substring(0, 6);
        Instant at = Instant.parse("2026-09-15T02:00:00Z");
        CaseRouted routed = new CaseRouted(caseId, 1, "c-" + caseId, agent, Channel.PHONE, at, "SH-LJY", null,
                ContactCategory.REPAIR, "漏水", null, Complexity.COMPLEX, Priority.HIGH, List.of(), "ENGINEERING",
                "repairs", 1, new Deadlines(at.plusSeconds(3600), at.plusSeconds(8 * 3600), 1, 8), null, at, "HEAD");
        EventEnvelope<CaseRouted> envelope = new EventEnvelope<>(UUID.randomUUID().toString(),
                EventTypes.CASE_ROUTED, 1, at, caseId, caseId, routed);
        folder.routed(envelope);
        // the state a crash between saving the facts and marking the event leaves behind
        mongo.remove(Query.query(Criteria.where("_id").is(envelope.eventId())), "folded_events");
        String dayDocument = agent + "|2026-09-15";
        mongo.updateFirst(Query.query(Criteria.where("_id").is(dayDocument)),
                new Update().push("applied", envelope.eventId()), "agent_days");

        folder.routed(envelope);

        assertThat(aggregates.agentTotal(agent, LocalDate.parse("2026-09-15"), LocalDate.parse("2026-09-15"))
                .casesOpened()).isEqualTo(1);
        assertThat(aggregates.folded(envelope.eventId())).isTrue();
        assertThat(mongo.findById(dayDocument, org.bson.Document.class, "agent_days").getList("applied",
                String.class)).as("settled").isEmpty();
    }
}
