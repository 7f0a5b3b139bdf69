package com.caseflow.evaluation.recurring.web;

import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.Topics;
import com.caseflow.events.cases.AttachReason;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.ContactAttached;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.EventLog;
import com.caseflow.support.testing.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static com.caseflow.evaluation.support.TestEvents.at;
import static com.caseflow.evaluation.support.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Contacts and case events (repeat callers, a mass incident) through the real broker into the projects' day
 * counters, read back as the recurring-issues report; everything delivered twice counts once.
 */
@EvaluationServiceTest
class RecurringIssueReportTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** The week reported, and the week before it. */
    private static final String REPORT = "/api/v1/issues/recurring?from=2025-03-10&to=2025-03-16&limit=50";

    @Autowired
    EmbeddedKafkaBroker broker;
    @LocalServerPort
    int port;

    private static ContactReceived contact(String id, String project, ContactCategory category, Instant at) {
        return new ContactReceived(id, Channel.PHONE, "A001", at, null, null, 1, true, true, null, null, null, "业主",
                CallerType.OWNER, "13812345678", null, project, "5栋1单元", "电梯故障", category, false, true);
    }

    private static CaseRouted routed(String caseId, String contactId, String project, ContactCategory category,
                                     Instant at) {
        return new CaseRouted(caseId, 1, contactId, "A001", Channel.PHONE, at, project, "5栋1单元", category, "电梯故障",
                null, Complexity.COMPLEX, Priority.HIGH, List.of(), "PROPERTY", "lifts", 1, null, null,
                at.plusSeconds(2), "PM-HEAD");
    }

    private static ContactAttached attached(String caseId, long sequence, String contactId, AttachReason reason,
                                            String incidentId, Instant at) {
        return new ContactAttached(caseId, sequence, contactId, "A002", Channel.PHONE, at, null, reason, incidentId,
                "PROPERTY", Priority.URGENT, null, at.plusSeconds(2));
    }

    private static Optional<JsonNode> find(JsonNode list, String field, String value, String category) {
        for (JsonNode n : list) {
            if (n.get(field).asString().equals(value) && n.get("category").asString().equals(category)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    @Test
    void whenRepeatCallersAndAMassIncidentArriveTwiceThenTheReportCountsEachContactOnce() {
        String project = "RI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String incident = "INC-" + project;
        // This week: 6 lift (报修) contacts, 2 complaints; the week before: 3 lift contacts.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        List<EventEnvelope<?>> contacts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            contacts.add(envelope(ids.get(i), contact(ids.get(i), project, ContactCategory.REPAIR,
                    at("2025-03-11T09:00").plusSeconds(60L * i))));
        }
        contacts.add(envelope(ids.get(6), contact(ids.get(6), project, ContactCategory.COMPLAINT,
                at("2025-03-12T10:00"))));
        contacts.add(envelope(ids.get(7), contact(ids.get(7), project, ContactCategory.COMPLAINT,
                at("2025-03-16T23:30"))));
        for (int i = 8; i < 11; i++) {
            contacts.add(envelope(ids.get(i), contact(ids.get(i), project, ContactCategory.REPAIR,
                    at("2025-03-05T09:00"))));
        }
        // The first lift contact opens a case; the second calls again; the next four are an incident, whose case is
        // the first one (the contact that opened it counts in the incident too: 5 in all).
        String lifts = UUID.randomUUID().toString();
        String complaint = UUID.randomUUID().toString();
        List<EventEnvelope<?>> caseEvents = new ArrayList<>(List.of(
                envelope(lifts, routed(lifts, ids.get(0), project, ContactCategory.REPAIR, at("2025-03-11T09:00"))),
                envelope(lifts, attached(lifts, 2, ids.get(1), AttachReason.REPEAT, null,
                        at("2025-03-11T09:01")))));
        for (int i = 2; i < 6; i++) {
            caseEvents.add(envelope(lifts, attached(lifts, i + 1, ids.get(i), AttachReason.INCIDENT, incident,
                    at("2025-03-11T09:00").plusSeconds(60L * i))));
        }
        // A complaint whose customer calls again just before midnight on Sunday: still this week, in Shanghai.
        caseEvents.add(envelope(complaint, routed(complaint, ids.get(6), project, ContactCategory.COMPLAINT,
                at("2025-03-12T10:00"))));
        caseEvents.add(envelope(complaint, attached(complaint, 2, ids.get(7), AttachReason.REPEAT, null,
                at("2025-03-16T23:30"))));

        Api agent = new Api(port, IDP.token("A001", "AGENT"));
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            for (int round = 0; round < 2; round++) {
                contacts.forEach(e -> log.publish(Topics.CONTACTS, e));
                caseEvents.forEach(e -> log.publish(Topics.CASES, e));
                if (round == 1) {
                    awaitEverythingConsumed();
                }
                JsonNode report = await().atMost(WAIT).until(() -> agent.get(REPORT).json(), r ->
                        find(r.get("topIssues"), "projectCode", project, "REPAIR")
                                .filter(i -> i.get("contacts").asLong() == 6
                                        && i.get("previousContacts").asLong() == 3
                                        && i.get("repeatContacts").asLong() == 1
                                        && i.get("incidentContacts").asLong() == 5).isPresent()
                                && find(r.get("topIssues"), "projectCode", project, "COMPLAINT")
                                .filter(i -> i.get("repeatContacts").asLong() == 1).isPresent());

                assertThat(report.get("previousFrom").asString()).isEqualTo("2025-03-03");
                assertThat(report.get("previousTo").asString()).isEqualTo("2025-03-09");
                JsonNode repairs = find(report.get("topIssues"), "projectCode", project, "REPAIR").orElseThrow();
                assertThat(repairs.get("categoryLabel").asString()).isEqualTo("报修");
                assertThat(repairs.get("change").asLong()).isEqualTo(3);
                assertThat(repairs.get("changeRate").asDouble()).isEqualTo(1.0);
                assertThat(repairs.get("repeatShare").asDouble()).isEqualTo(1.0 / 6);
                JsonNode complaints = find(report.get("topIssues"), "projectCode", project, "COMPLAINT")
                        .orElseThrow();
                assertThat(complaints.get("contacts").asLong()).isEqualTo(2);
                assertThat(complaints.get("categoryLabel").asString()).isEqualTo("投诉");
                assertThat(complaints.get("changeRate").isNull()).as("nothing the week before").isTrue();
                assertThat(complaints.get("repeatShare").asDouble()).isEqualTo(0.5);
                assertThat(find(report.get("repeatHotSpots"), "projectCode", project, "COMPLAINT").orElseThrow()
                        .get("repeatContacts").asLong()).isEqualTo(1);
                JsonNode mass = find(report.get("massIncidents"), "incidentId", incident, "REPAIR").orElseThrow();
                assertThat(mass.get("projectCode").asString()).isEqualTo(project);
                assertThat(mass.get("contacts").asLong()).isEqualTo(5);
                assertThat(mass.get("categoryLabel").asString()).isEqualTo("报修");
            }
        }
        JsonNode weekBefore = agent.get("/api/v1/issues/recurring?from=2025-03-03&to=2025-03-09&limit=50").json();
        assertThat(find(weekBefore.get("topIssues"), "projectCode", project, "REPAIR").orElseThrow()
                .get("contacts").asLong()).isEqualTo(3);
        assertThat(find(weekBefore.get("massIncidents"), "incidentId", incident, "REPAIR")).isEmpty();
    }

    /** The service has committed past every record on every topic it reads: the replayed records were processed. */
    private void awaitEverythingConsumed() {
        Barriers.consumed(broker.getBrokersAsString(), "evaluation-service", Topics.CONTACTS, Topics.CASES,
                Topics.FOLLOWUPS, Topics.EVALUATIONS);
    }

    @Test
    void whenThePeriodOrLimitIsBadThenEachBadFieldIsNamed() {
        Api supervisor = new Api(port, IDP.token("S001", "SUPERVISOR"));

        Api.Response bad = supervisor.get("/api/v1/issues/recurring?from=2025-02-30&to=2025-03-01&limit=0");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("from", "limit");
        Api.Response tooLong = supervisor.get("/api/v1/issues/recurring?from=2025-01-01&to=2026-01-02");
        assertThat(tooLong.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("to");
        assertThat(supervisor.get("/api/v1/issues/recurring?from=2025-01-01&to=2026-01-01").status())
                .as("366 days").isEqualTo(200);
        assertThat(supervisor.get("/api/v1/issues/recurring?to=2025-03-01&limit=x").json().get("errors")
                .valueStream().map(e -> e.get("field").asString())).containsExactly("from", "limit");
    }

    @Test
    void whenAnyMemberOfStaffAsksThenTheyMayReadTheReport() {
        String report = "/api/v1/issues/recurring?from=2025-03-10&to=2025-03-16";
        assertThat(new Api(port, IDP.departmentToken("D-ENG-01", "ENGINEERING")).get(report).status())
                .isEqualTo(200);
        assertThat(new Api(port, IDP.token("M001", "MANAGER")).get(report).status()).isEqualTo(200);
        assertThat(new Api(port, null).get(report).status()).isEqualTo(401);
    }
}
