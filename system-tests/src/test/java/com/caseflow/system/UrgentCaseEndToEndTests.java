package com.caseflow.system;

import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A gas smell reported on the hotline, whatever the hour: routing times the case around the clock in minutes and names
 * who is on duty for the department that must act, follow-up puts it before that person at once through the
 * company's gateway — without the caller's name, number or words — each service its own process.
 */
class UrgentCaseEndToEndTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CaseFlowSystem system = CaseFlowSystem.get();

    @Test
    void whenACallerSmellsGasThenThePersonOnDutyIsAlertedAtOnceWithoutTheCallersDetails() {
        Api agent = new Api(system.intake.port(), IDP.token("A001", "AGENT"));
        Api.Response recorded = agent.post("/api/v1/calls", """
                {"ringCount":1,"callerName":"陈淑芬","phone":"13911114444","callerType":"OWNER",
                 "projectCode":"SH-LJY","unit":"5栋1单元602","matter":"楼道里煤气味很重，好像哪家燃气泄漏了",
                 "category":"REPAIR","settledOnCall":false,"greetingGiven":true}""");
        assertThat(recorded.status()).isEqualTo(201);
        String contactId = recorded.json().get("id").asString();
        Instant recordedAt = Instant.now();

        try (TopicReader cases = new TopicReader(system.brokers(), Topics.CASES);
             TopicReader followups = new TopicReader(system.brokers(), Topics.FOLLOWUPS)) {
            JsonNode routed = cases.read(r -> contactId.equals(JSON.readTree(r.value()).path("data")
                    .path("contactId").asString()), 1, WAIT).stream().map(r -> JSON.readTree(r.value()).get("data"))
                    .findFirst().orElseThrow();
            String caseId = routed.get("caseId").asString();
            assertThat(routed.get("priority").asString()).isEqualTo("URGENT");
            assertThat(routed.get("deadlines").get("calendarId").asString()).isEqualTo("24X7");
            assertThat(routed.get("deadlines").get("firstResponseMinutes").asInt()).isEqualTo(15);
            String department = routed.get("departmentCode").asString();
            String onDuty = routed.get("onDutyStaffId").asString();
            Api reader = new Api(system.routing.port(), IDP.token("M001", "MANAGER"));
            assertThat(onDuty).isNotBlank().isEqualTo(reader.get("/api/v1/departments/" + department
                    + "/on-duty/now").json().get("staffId").asString());

            JsonNode alert = followups.read(r -> caseId.equals(r.key())
                    && EventTypes.ON_DUTY_ALERTED.equals(TopicReader.header(r, "ce_type")), 1, WAIT).stream()
                    .map(r -> JSON.readTree(r.value()).get("data")).findFirst().orElseThrow();
            assertThat(alert.get("staffId").asString()).isEqualTo(onDuty);
            assertThat(alert.get("fromRoster").asBoolean()).isTrue();

            String sent = await().atMost(WAIT).until(() -> system.notifications().stream()
                    .filter(n -> n.contains(caseId) && n.contains("ON_DUTY")).findFirst().orElse(null), n -> n != null);
            assertThat(JSON.readTree(sent).get("recipients").get(0).asString()).isEqualTo(onDuty);
            assertThat(sent).contains("紧急").doesNotContain("陈淑芬", "13911114444", "煤气味");
            // the alert did not wait for a timer: it left well before the first-response deadline
            assertThat(Instant.parse(alert.get("alertedAt").asString()))
                    .isBefore(recordedAt.plus(Duration.ofMinutes(15)));
        }
    }
}
