package com.caseflow.evaluation.reports.web;

import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.Topics;
import com.caseflow.events.cases.CaseAccepted;
import com.caseflow.events.cases.CaseResolved;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.followup.CustomerFeedbackRecorded;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.EventLog;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.caseflow.evaluation.support.TestEvents.at;
import static com.caseflow.evaluation.support.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events through the real broker into the counters, read back as reports; replays change nothing. */
@EvaluationServiceTest
class AgentAndDepartmentReportTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    EmbeddedKafkaBroker broker;
    @LocalServerPort
    int port;

    @Test
    void whenAnAgentsCallsCaseAndCallbackArriveTwiceThenTheirReportsCountEachOnce() {
        String agent = "A-" + UUID.randomUUID().toString().substring(0, 8);
        String department = "DEPT-" + UUID.randomUUID().toString().substring(0, 6);
        String caseId = UUID.randomUUID().toString();
        Instant t = at("2026-10-12T09:00");
        List<EventEnvelope<?>> contacts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String contactId = UUID.randomUUID().toString();
            contacts.add(envelope(contactId, new ContactReceived(contactId, Channel.PHONE, agent, t.plusSeconds(i),
                    null, null, 2, i < 2, true, null, null, null, "王小明", CallerType.OWNER, "13812345678", null,
                    "SH-LJY", "3栋", "卫生间漏水", ContactCategory.REPAIR, i == 2, true)));
        }
        List<EventEnvelope<?>> caseEvents = List.of(
                envelope(caseId, new CaseRouted(caseId, 1, "c1", agent, Channel.PHONE, t, "SH-LJY", "3栋",
                        ContactCategory.REPAIR, "卫生间漏水", null, Complexity.COMPLEX, Priority.URGENT, List.of(),
                        department, "repairs", 1, new Deadlines(at("2026-10-12T10:00"), at("2026-10-12T17:00"), 1, 8),
                        null, t, "ENG-HEAD")),
                envelope(caseId, new CaseAccepted(caseId, 2, department, "D-ENG-01", at("2026-10-12T09:20"))),
                envelope(caseId, new CaseResolved(caseId, 3, department, "D-ENG-01", "已修复", List.of("c1"),
                        at("2026-10-12T11:00"))));
        EventEnvelope<?> feedback = envelope(caseId, new CustomerFeedbackRecorded(caseId, caseId + ".3.1", "c1", agent,
                department, "SH-LJY", 1, true, 4, true, "满意", true, "D-CS-01", at("2026-10-13T10:00")));

        Api manager = new Api(port, IDP.token("M001", "MANAGER"));
        String agentReport = "/api/v1/reports/agents/" + agent + "?from=2026-10-01&to=2026-10-31";
        String departmentReport = "/api/v1/reports/departments/" + department + "?from=2026-10-01&to=2026-10-31";
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            for (int round = 0; round < 2; round++) {
                contacts.forEach(e -> log.publish(Topics.CONTACTS, e));
                caseEvents.forEach(e -> log.publish(Topics.CASES, e));
                log.publish(Topics.FOLLOWUPS, feedback);
                awaitEverythingConsumed();
                JsonNode agentKpis = await().atMost(WAIT).until(() -> manager.get(agentReport).json().get("kpis"),
                        k -> k.get("contacts").asLong() == 3 && k.get("averageSatisfaction").isNumber());
                JsonNode departmentKpis = await().atMost(WAIT).until(
                        () -> manager.get(departmentReport).json().get("kpis"),
                        k -> k.get("resolved").asLong() == 1 && k.get("csat").isNumber());

                assertThat(agentKpis.get("answerWithinThreeRingsRate").asDouble()).isEqualTo(2.0 / 3);
                assertThat(agentKpis.get("firstContactResolutionRate").asDouble()).isEqualTo(1.0 / 3);
                assertThat(agentKpis.get("csat").asDouble()).isEqualTo(1.0);
                assertThat(departmentKpis.get("casesRouted").asLong()).isEqualTo(1);
                assertThat(departmentKpis.get("firstResponseCompliance").asDouble()).isEqualTo(1.0);
                assertThat(departmentKpis.get("averageResolutionHours").asDouble()).isEqualTo(2.0);
            }
        }
        try (TopicReader dlq = new TopicReader(broker.getBrokersAsString(), Topics.deadLetter(Topics.CASES))) {
            // everything was consumed above, so whatever was dead-lettered is on the topic by now
            assertThat(dlq.readToEnd()).noneMatch(r -> caseId.equals(r.key()));
        }
    }

    /** The service has committed past every record on every topic it reads: the replayed records were processed. */
    private void awaitEverythingConsumed() {
        Barriers.consumed(broker.getBrokersAsString(), "evaluation-service", Topics.CONTACTS, Topics.CASES,
                Topics.FOLLOWUPS, Topics.EVALUATIONS);
        Barriers.consumed(broker.getBrokersAsString(), "evaluation-service.calendars", Topics.CALENDARS);
    }

    @Test
    void whenSomeoneAsksForFiguresThatAreNotTheirsOrForABadPeriodThenTheyAreRefused() {
        Api agent = new Api(port, IDP.token("A001", "AGENT"));
        Api supervisor = new Api(port, IDP.token("S001", "SUPERVISOR"));
        Api engineering = new Api(port, IDP.departmentToken("D-ENG-01", "ENGINEERING"));

        assertThat(agent.get("/api/v1/reports/agents/A001?from=2026-11-01&to=2026-11-30").status()).isEqualTo(200);
        assertThat(agent.get("/api/v1/reports/agents/A002?from=2026-11-01&to=2026-11-30").status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/reports/departments/ENGINEERING?from=2026-11-01&to=2026-11-30").status())
                .isEqualTo(403);
        assertThat(supervisor.get("/api/v1/reports/agents/A002?from=2026-11-01&to=2026-11-30").status())
                .as("A002 is in S001's team").isEqualTo(200);
        assertThat(supervisor.get("/api/v1/reports/agents/A777?from=2026-11-01&to=2026-11-30").status())
                .as("A777 is not").isEqualTo(403);
        assertThat(engineering.get("/api/v1/reports/departments/ENGINEERING?from=2026-11-01&to=2026-11-30")
                .status()).isEqualTo(200);
        assertThat(engineering.get("/api/v1/reports/departments/LEGAL?from=2026-11-01&to=2026-11-30").status())
                .isEqualTo(403);

        Api.Response bad = agent.get("/api/v1/reports/agents/A001?from=2026-13-01&to=2026-11-30");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString())).containsExactly("from");
        Api.Response reversed = agent.get("/api/v1/reports/agents/A001?from=2026-11-30&to=2026-11-01");
        assertThat(reversed.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        assertThat(agent.get("/api/v1/reports/agents/A001").status()).isEqualTo(400);
    }
}
