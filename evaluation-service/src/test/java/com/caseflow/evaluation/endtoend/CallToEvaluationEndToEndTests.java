package com.caseflow.evaluation.endtoend;

import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.events.Topics;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.ServiceProcess;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole loop across the four services on the real broker — intake, routing and follow-up each started from their
 * jar as processes of their own: an agent records a call, engineering resolves its case, customer service calls the
 * customer back, a manager spot-checks the call, and all of it shows in the agent's monthly evaluation.
 */
@EvaluationServiceTest
class CallToEvaluationEndToEndTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static ServiceProcess intake;
    private static ServiceProcess routing;
    private static ServiceProcess followUp;

    @LocalServerPort
    int evaluationPort;
    @Autowired
    EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startTheOtherServices(@Autowired EmbeddedKafkaBroker broker) {
        String brokers = broker.getBrokersAsString();
        CompletableFuture<ServiceProcess> intakeStarting = start("intake-service", brokers);
        CompletableFuture<ServiceProcess> routingStarting = start("routing-service", brokers);
        CompletableFuture<ServiceProcess> followUpStarting = start("followup-service", brokers);
        intake = intakeStarting.join();
        routing = routingStarting.join();
        followUp = followUpStarting.join();
    }

    private static CompletableFuture<ServiceProcess> start(String module, String brokers) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                ServiceProcess process = ServiceProcess.start(module, brokers);
                synchronized (SERVICES) {
                    SERVICES.add(process);
                }
                return process;
            } catch (Exception e) {
                throw new IllegalStateException(module + " did not start", e);
            }
        });
    }

    @AfterAll
    static void stopThem() throws InterruptedException {
        for (ServiceProcess process : SERVICES) {
            process.close();
        }
    }

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
                .atZoneSameInstant(ZoneId.of("Asia/Shanghai")));

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

        Api manager = new Api(evaluationPort, IDP.token("M001", "MANAGER"));
        String report = "/api/v1/reports/agents/" + agent + "?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth();
        await().atMost(WAIT).until(() -> manager.get(report).json().get("counters"),
                c -> c.get("phoneCalls").asLong() == 1 && c.get("casesOpened").asLong() == 1
                        && c.get("feedbackReached").asLong() == 1);

        JsonNode sample = manager.post("/api/v1/spot-checks/samples", """
                {"from":"%s","to":"%s","perAgent":1,"agentIds":["%s"]}""".formatted(month.atDay(1),
                month.atEndOfMonth(), agent)).json();
        assertThat(sample.get("items").get(0).get("contactId").asString()).isEqualTo(contactId);
        assertThat(manager.post("/api/v1/spot-checks", """
                {"sampleId":"%s","contactId":"%s","ratings":{"GREETING":5,"PLAIN_LANGUAGE":5,"COMPLETE_RECORD":5,
                 "CLASSIFICATION":5,"PRIVACY":5,"FOLLOW_UP":4},"comment":"礼貌规范"}""".formatted(
                sample.get("id").asString(), contactId)).status()).isEqualTo(201);
        JsonNode kpis = await().atMost(WAIT).until(() -> manager.get(report).json().get("kpis"),
                k -> k.get("spotChecks").asLong() == 1);

        Api.Response run = manager.post("/api/v1/evaluations", """
                {"periodType":"MONTH","start":"%s"}""".formatted(month.atDay(1)));
        assertThat(run.status()).isEqualTo(200);
        try (TopicReader evaluations = new TopicReader(broker.getBrokersAsString(), Topics.EVALUATIONS)) {
            JsonNode evaluation = evaluations.read(r -> agent.equals(r.key()) && JSON.readTree(r.value())
                    .get("type").asString().equals("caseflow.evaluation.published.v1"), 1, WAIT).stream()
                    .map(r -> JSON.readTree(r.value()).get("data")).findFirst().orElseThrow();
            assertThat(evaluation.get("subjectId").asString()).isEqualTo(agent);
            assertThat(evaluation.get("from").asString()).isEqualTo(month.atDay(1).toString());
            assertThat(evaluation.get("kpiScores").get("answerWithinThreeRings").asDouble()).isEqualTo(100.0);
            assertThat(evaluation.get("kpiScores").get("satisfaction").asDouble()).isEqualTo(100.0);
            assertThat(evaluation.get("kpiScores").get("spotChecks").asDouble())
                    .isEqualTo(kpis.get("spotCheckAverage").asDouble());
            assertThat(evaluation.get("rank").isNumber()).isTrue();
            assertThat(evaluation.get("provisional").asBoolean()).as("the month is still running").isTrue();
        }
    }
}
