package com.caseflow.system;

import com.caseflow.events.Topics;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.ServiceProcess;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole loop across the four services on the real broker, each its own process: an agent records a call at
 * intake, engineering resolves its case at routing, customer service calls the customer back at follow-up, a manager
 * spot-checks the call, and all of it shows in the agent's monthly evaluation.
 */
class CallToEvaluationEndToEndTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final CaseFlowSystem system = CaseFlowSystem.get();
    private final ServiceProcess intake = system.intake;
    private final ServiceProcess routing = system.routing;
    private final ServiceProcess followUp = system.followUp;

    @Test
    void whenACallIsResolvedCalledBackAndSpotCheckedThenAllOfItShowsInTheAgentsMonthlyEvaluation() {
        String agent = "E2E-" + UUID.randomUUID().toString().substring(0, 6);
        Api agentAtIntake = new Api(intake.port(), IDP.token(agent, "AGENT"));
        Api.Response call = agentAtIntake.post("/api/v1/calls", """
                {"ringCount":2,"callerName":"赵先生","phone":"13700001111","callerType":"OWNER",
                 "projectCode":"SH-LJY","unit":"5栋1单元302","matter":"厨房下水管漏水","category":"REPAIR",
                 "settledOnCall":false,"greetingGiven":true}""", "Idempotency-Key", "e2e-" + agent);
        assertThat(call.status()).isEqualTo(201);
        String contactId = call.json().get("id").asString();
        YearMonth month = YearMonth.from(OffsetDateTime.parse(call.json().get("receivedAt").asString())
                .atZoneSameInstant(SHANGHAI));

        Api engineering = new Api(routing.port(), IDP.departmentToken("D-ENG-01", "ENGINEERING"));
        String caseId = await().atMost(WAIT).until(() -> engineering
                .get("/api/v1/departments/ENGINEERING/cases?size=100").json().get("content").valueStream()
                .filter(c -> contactId.equals(c.get("contacts").get(0).get("contactId").asString()))
                .map(c -> c.get("id").asString()).findFirst().orElse(null), id -> id != null);
        assertThat(engineering.post("/api/v1/cases/" + caseId + "/accept", "").status()).isEqualTo(200);
        assertThat(engineering.post("/api/v1/cases/" + caseId + "/resolve", """
                {"resolution":"已更换下水管接头"}""").status()).isEqualTo(200);

        Api customerService = new Api(followUp.port(), IDP.departmentToken("D-CS-01", "CUSTOMER_SERVICE"));
        String callbackId = await().atMost(WAIT).until(() -> customerService.get("/api/v1/callbacks?size=100").json()
                .get("content").valueStream().filter(c -> caseId.equals(c.get("caseId").asString()))
                .map(c -> c.get("id").asString()).findFirst().orElse(null), id -> id != null);
        assertThat(customerService.post("/api/v1/callbacks/" + callbackId + "/attempts", """
                {"reached":true,"satisfaction":5,"resolved":true,"comment":"师傅很专业"}""").status()).isEqualTo(200);

        Api manager = new Api(system.evaluation.port(), IDP.token("M001", "MANAGER"));
        String report = "/api/v1/reports/agents/" + agent + "?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth();
        await().atMost(WAIT).until(() -> manager.get(report).json().get("counters"),
                c -> c.get("phoneCalls").asLong() == 1 && c.get("casesOpened").asLong() == 1
                        && c.get("feedbackReached").asLong() == 1);

        JsonNode sample = manager.post("/api/v1/spot-checks/samples", """
                {"from":"%s","to":"%s","perAgent":1,"agentIds":["%s"]}""".formatted(month.atDay(1),
                month.atEndOfMonth(), agent)).json();
        assertThat(sample.get("items").get(0).get("contactId").asString()).isEqualTo(contactId);
        Api.Response check = manager.post("/api/v1/spot-checks", """
                {"sampleId":"%s","contactId":"%s","ratings":{"GREETING":5,"PLAIN_LANGUAGE":5,"COMPLETE_RECORD":5,
                 "CLASSIFICATION":5,"PRIVACY":5,"FOLLOW_UP":4},"comment":"礼貌规范"}""".formatted(
                sample.get("id").asString(), contactId));
        assertThat(check.status()).isEqualTo(201);
        // a sample drawn by a person is ad hoc (临时抽查): reported beside the spot-check KPI, which weighs the
        // week's regular sample only
        JsonNode kpis = await().atMost(WAIT).until(() -> manager.get(report).json().get("kpis"),
                k -> k.get("spotChecks").asLong() == 1);
        assertThat(kpis.get("adHocSpotChecks").asLong()).isEqualTo(1);
        assertThat(kpis.get("adHocSpotCheckAverage").asDouble()).isEqualTo(check.json().get("score").asDouble());
        assertThat(kpis.path("spotCheckAverage").isNumber()).isFalse();

        YearMonth runningBefore = YearMonth.now(SHANGHAI);
        Api.Response run = manager.post("/api/v1/evaluations", """
                {"periodType":"MONTH","start":"%s"}""".formatted(month.atDay(1)));
        boolean monthStillRunning = runningBefore.equals(month) && YearMonth.now(SHANGHAI).equals(month);
        assertThat(run.status()).isEqualTo(200);
        try (TopicReader evaluations = new TopicReader(system.brokers(), Topics.EVALUATIONS)) {
            JsonNode evaluation = evaluations.read(r -> agent.equals(r.key()) && JSON.readTree(r.value())
                    .get("type").asString().equals("caseflow.evaluation.published.v1"), 1, WAIT).stream()
                    .map(r -> JSON.readTree(r.value()).get("data")).findFirst().orElseThrow();
            assertThat(evaluation.get("subjectId").asString()).isEqualTo(agent);
            assertThat(evaluation.get("from").asString()).isEqualTo(month.atDay(1).toString());
            assertThat(evaluation.get("kpiScores").get("answerWithinThreeRings").asDouble()).isEqualTo(100.0);
            assertThat(evaluation.get("kpiScores").get("satisfaction").asDouble()).isEqualTo(100.0);
            assertThat(evaluation.get("kpiScores").path("spotChecks").isNumber())
                    .as("an ad-hoc check is not weighed").isFalse();
            assertThat(evaluation.get("rank").isNumber()).isTrue();
            if (monthStillRunning) {
                assertThat(evaluation.get("provisional").asBoolean()).as("the month is still running").isTrue();
            }
        }
    }
}
