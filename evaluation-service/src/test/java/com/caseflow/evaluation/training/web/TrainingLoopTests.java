package com.caseflow.evaluation.training.web;

import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.events.CloudEventHeaders;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.support.outbox.OutboxProperties;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.EventLog;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static com.caseflow.evaluation.support.TestEvents.call;
import static com.caseflow.evaluation.support.TestEvents.feedback;
import static com.caseflow.evaluation.support.TestEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The regime's loop: an evaluation recommending training assigns it once to the agent's supervisor, its completion is
 * announced, and the agent's next evaluation shows whether each weak KPI improved; commendations and warnings are
 * decided by a manager, who confirms or overrides them with a reason.
 */
@EvaluationServiceTest
class TrainingLoopTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** In S001's team (application.yml); no other test counts anything of it in 2023. */
    private static final String TEAM_AGENT = "A002";

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxProperties outbox;
    @LocalServerPort
    int port;

    private Api as(String staffId, String role) {
        return new Api(port, IDP.token(staffId, role));
    }

    /** Four calls and a callback in the month: all well, or one in three rings, half complete, satisfaction 2. */
    private static void month(EventLog log, String agent, String month, boolean well) {
        for (int i = 0; i < 4; i++) {
            publish(log, Topics.CONTACTS, agent, call(agent, month + "-1" + i, well || i == 0, well || i < 2));
        }
        publish(log, Topics.FOLLOWUPS, agent, feedback(agent, month + "-20", well ? 5 : 2));
    }

    private void awaitCounted(Api reader, String agent, String month, long calls) {
        String period = "?from=" + month + "-01&to=" + month + "-28";
        await().atMost(WAIT).until(() -> reader.get("/api/v1/reports/agents/" + agent + period).json(),
                r -> r.get("counters").get("phoneCalls").asLong() == calls
                        && r.get("counters").get("feedbackReached").asLong() == 1);
    }

    private static Predicate<ConsumerRecord<String, byte[]>> of(String type, String key) {
        return r -> key.equals(r.key()) && type.equals(TopicReader.header(r, CloudEventHeaders.TYPE));
    }

    private static JsonNode data(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value()).get("data");
    }

    private static boolean absent(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("content").valueStream().map(a -> a.get("id").asString()).toList();
    }

    @Test
    void whenAnEvaluationRecommendsTrainingThenItIsAssignedOnceCompletedOnceAndTheNextEvaluationShowsTheChange() {
        Api manager = as("M001", "MANAGER");
        Api supervisor = as("S001", "SUPERVISOR");
        Api agent = as(TEAM_AGENT, "AGENT");
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            month(log, TEAM_AGENT, "2023-03", false);
            month(log, TEAM_AGENT, "2023-04", true);
        }
        awaitCounted(manager, TEAM_AGENT, "2023-03", 4);
        awaitCounted(manager, TEAM_AGENT, "2023-04", 4);

        String march = "{\"periodType\":\"MONTH\",\"start\":\"2023-03-01\"}";
        assertThat(manager.post("/api/v1/evaluations", march).status()).isEqualTo(200);
        String evaluationId = "AGENT." + TEAM_AGENT + ".MONTH.2023-03-01";
        String assignmentId = "TRAINING." + evaluationId;
        try (TopicReader evaluations = new TopicReader(broker.getBrokersAsString(), Topics.EVALUATIONS)) {
            JsonNode assigned = data(evaluations.read(of(EventTypes.TRAINING_ASSIGNED, TEAM_AGENT), 1, WAIT).get(0));
            assertThat(assigned.get("assignmentId").asString()).isEqualTo(assignmentId);
            assertThat(assigned.get("evaluationRevision").asInt()).isEqualTo(1);
            assertThat(assigned.get("trainerId").asString()).as("the agent's supervisor").isEqualTo("S001");
            assertThat(assigned.get("topic").asString()).startsWith("专项培训：")
                    .contains("三声内接听率", "记录完整率", "客户满意度");
            assertThat(assigned.get("kpiScoresBefore").get("answerWithinThreeRings").asDouble()).isEqualTo(25.0);
            assertThat(assigned.get("dueDate").asString()).isNotBlank();

            // a late call keeps the month weak: the evaluation's next revision still recommends training
            try (EventLog log = new EventLog(broker.getBrokersAsString())) {
                publish(log, Topics.CONTACTS, TEAM_AGENT, call(TEAM_AGENT, "2023-03-25", false, false));
            }
            awaitCounted(manager, TEAM_AGENT, "2023-03", 5);
            assertThat(manager.post("/api/v1/evaluations", march).json().get("published").asInt()).isPositive();
            JsonNode revised = data(evaluations.read(of(EventTypes.EVALUATION_PUBLISHED, TEAM_AGENT)
                    .and(r -> data(r).get("revision").asInt() == 2), 1, WAIT).get(0));
            assertThat(revised.get("outcome").asString()).isEqualTo("TRAINING");
            Barriers.consumed(broker.getBrokersAsString(), "evaluation-service", Topics.EVALUATIONS);
            Barriers.outboxEmpty(mongo, outbox.collections());
            assertThat(evaluations.readToEnd()).filteredOn(of(EventTypes.TRAINING_ASSIGNED, TEAM_AGENT))
                    .as("assigned once per evaluation").hasSize(1);
        }
        assertThat(manager.get("/api/v1/training/assignments?agentId=" + TEAM_AGENT).json().get("totalElements")
                .asLong()).isEqualTo(1);

        JsonNode read = supervisor.get("/api/v1/training/assignments/" + assignmentId).json();
        assertThat(read.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(read.get("statusLabel").asString()).isEqualTo("待培训");
        assertThat(ids(supervisor.get("/api/v1/training/assignments").json())).contains(assignmentId);
        assertThat(ids(agent.get("/api/v1/training/assignments").json())).containsExactly(assignmentId);
        assertThat(ids(as("A001", "AGENT").get("/api/v1/training/assignments").json()))
                .as("another agent's").doesNotContain(assignmentId);
        assertThat(as("A001", "AGENT").get("/api/v1/training/assignments/" + assignmentId).status())
                .isEqualTo(403);
        assertThat(ids(as("S002", "SUPERVISOR").get("/api/v1/training/assignments").json()))
                .as("not S002's team").doesNotContain(assignmentId);

        String completion = "/api/v1/training/assignments/" + assignmentId + "/completion";
        assertThat(agent.post(completion, "{}").status()).as("the trainee does not sign off their training")
                .isEqualTo(403);
        assertThat(as("S002", "SUPERVISOR").post(completion, "{}").status()).isEqualTo(403);
        Api.Response badNote = supervisor.post(completion, "{\"note\":\"已回访客户13812345678\"}");
        assertThat(badNote.status()).isEqualTo(400);
        assertThat(badNote.json().get("errors").get(0).get("field").asString()).isEqualTo("note");
        assertThat(supervisor.post(completion, "{\"notes\":\"x\"}").status()).as("an unknown field").isEqualTo(400);
        assertThat(supervisor.post("/api/v1/training/assignments/TRAINING.nothing/completion", "{}").status())
                .isEqualTo(404);

        Api.Response completed = supervisor.post(completion, "{\"note\":\"已完成三声接听与记录规范演练\"}");
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.json().get("completedBy").asString()).isEqualTo("S001");
        assertThat(manager.post(completion, "{}").status()).as("completed once").isEqualTo(409);
        try (TopicReader evaluations = new TopicReader(broker.getBrokersAsString(), Topics.EVALUATIONS)) {
            JsonNode done = data(evaluations.read(of(EventTypes.TRAINING_COMPLETED, TEAM_AGENT), 1, WAIT).get(0));
            assertThat(done.get("assignmentId").asString()).isEqualTo(assignmentId);
            assertThat(done.has("note")).as("the trainer's words stay in the service").isFalse();
        }
        assertThat(manager.get("/api/v1/training/assignments?agentId=" + TEAM_AGENT + "&status=COMPLETED").json()
                .get("totalElements").asLong()).isEqualTo(1);

        manager.post("/api/v1/evaluations", "{\"periodType\":\"MONTH\",\"start\":\"2023-04-01\"}");
        JsonNode april = manager.get("/api/v1/evaluations/AGENT." + TEAM_AGENT + ".MONTH.2023-04-01").json();
        JsonNode followUp = april.get("trainingFollowUp");
        assertThat(followUp.get("assignmentId").asString()).isEqualTo(assignmentId);
        JsonNode threeRings = followUp.get("kpis").valueStream()
                .filter(k -> k.get("kpi").asString().equals("answerWithinThreeRings")).findFirst().orElseThrow();
        assertThat(threeRings.get("label").asString()).isEqualTo("三声内接听率");
        assertThat(threeRings.get("before").asDouble()).isEqualTo(25.0);
        assertThat(threeRings.get("after").asDouble()).isEqualTo(100.0);
        assertThat(followUp.get("kpis").valueStream().map(k -> k.get("improved").asBoolean())).containsOnly(true);
        assertThat(agent.get("/api/v1/evaluations/AGENT." + TEAM_AGENT + ".MONTH.2023-04-01").json()
                .get("trainingFollowUp").get("assignmentId").asString()).isEqualTo(assignmentId);
        assertThat(absent(manager.get("/api/v1/evaluations/" + evaluationId).json(), "trainingFollowUp"))
                .as("the evaluation that called for it is not its follow-up").isTrue();
    }

    @Test
    void whenAManagerDecidesOnACommendationThenTheDecisionIsPublishedOnceAndOnlyAnExplicitOverrideReplacesIt() {
        String good = "DC-G-" + UUID.randomUUID().toString().substring(0, 6);
        String weak = "DC-W-" + UUID.randomUUID().toString().substring(0, 6);
        Api manager = as("M001", "MANAGER");
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            month(log, good, "2023-06", true);
            month(log, weak, "2023-06", false);
        }
        awaitCounted(manager, good, "2023-06", 4);
        awaitCounted(manager, weak, "2023-06", 4);
        manager.post("/api/v1/evaluations", "{\"periodType\":\"MONTH\",\"start\":\"2023-06-01\"}");
        String id = "AGENT." + good + ".MONTH.2023-06-01";
        String decision = "/api/v1/evaluations/" + id + "/decision";
        JsonNode before = manager.get("/api/v1/evaluations/" + id).json();
        assertThat(before.get("outcome").asString()).isEqualTo("COMMENDATION");
        assertThat(before.get("decidedOutcome").asString()).as("the recommendation until decided")
                .isEqualTo("COMMENDATION");
        assertThat(absent(before, "decision")).isTrue();

        String confirm = "{\"decision\":\"CONFIRMED\",\"reason\":\"本月服务优秀\"}";
        assertThat(as(good, "AGENT").post(decision, confirm).status()).isEqualTo(403);
        assertThat(as("S001", "SUPERVISOR").post(decision, confirm).status()).isEqualTo(403);
        Api.Response bad = manager.post(decision,
                "{\"decision\":\"MAYBE\",\"outcome\":\"GOLD\",\"reason\":\"请联系13812345678\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("decision", "outcome", "reason");
        assertThat(manager.post(decision, "{\"decision\":\"OVERRIDDEN\"}").json().get("errors").valueStream()
                .map(e -> e.get("field").asString())).containsExactlyInAnyOrder("outcome", "reason");
        assertThat(manager.post(decision, "{\"decision\":\"OVERRIDDEN\",\"outcome\":\"COMMENDATION\","
                + "\"reason\":\"同上\"}").json().get("errors").get(0).get("field").asString()).isEqualTo("outcome");
        assertThat(manager.post("/api/v1/evaluations/AGENT.nobody.MONTH.2023-06-01/decision", confirm).status())
                .isEqualTo(404);
        assertThat(manager.post("/api/v1/evaluations/AGENT." + weak + ".MONTH.2023-06-01/decision", confirm)
                .status()).as("training is assigned, not decided").isEqualTo(409);

        Api.Response confirmed = manager.post(decision, confirm);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().get("decision").get("decision").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().get("decidedOutcome").asString()).isEqualTo("COMMENDATION");
        assertThat(manager.post(decision, confirm).status()).as("decided already").isEqualTo(409);

        Api.Response overridden = manager.post(decision,
                "{\"decision\":\"OVERRIDDEN\",\"outcome\":\"NONE\",\"reason\":\"本月有一起投诉尚在调查\"}");
        assertThat(overridden.status()).isEqualTo(200);
        JsonNode now = manager.get("/api/v1/evaluations/" + id).json();
        assertThat(now.get("recommendedOutcome").asString()).isEqualTo("COMMENDATION");
        assertThat(now.get("decidedOutcome").asString()).isEqualTo("NONE");
        assertThat(now.get("decision").get("sequence").asInt()).isEqualTo(2);
        assertThat(now.get("decision").get("reason").asString()).isEqualTo("本月有一起投诉尚在调查");

        try (TopicReader evaluations = new TopicReader(broker.getBrokersAsString(), Topics.EVALUATIONS)) {
            evaluations.read(of(EventTypes.EVALUATION_DECIDED, good), 2, WAIT);
            Barriers.outboxEmpty(mongo, outbox.collections());
            List<JsonNode> decided = evaluations.readToEnd().stream().filter(of(EventTypes.EVALUATION_DECIDED, good))
                    .map(TrainingLoopTests::data).toList();
            assertThat(decided).extracting(d -> d.get("sequence").asInt()).containsExactly(1, 2);
            assertThat(decided.get(1).get("recommendedOutcome").asString()).isEqualTo("COMMENDATION");
            assertThat(decided.get(1).get("outcome").asString()).isEqualTo("NONE");
            assertThat(decided.get(1).get("decision").asString()).isEqualTo("OVERRIDDEN");
        }
        String csv = manager.get("/api/v1/evaluations?periodType=MONTH&start=2023-06-01&format=csv").raw().body();
        assertThat(csv.lines().findFirst().orElseThrow()).contains("建议结果", "管理决定", "决定结果", "决定理由");
        assertThat(csv.lines().filter(l -> l.contains(good))).singleElement().asString()
                .contains("表彰奖励", "改判", "本月有一起投诉尚在调查");

        // an agent in no team is trained by the configured default trainer
        JsonNode weakTraining = await().atMost(WAIT).until(() -> manager.get("/api/v1/training/assignments/"
                + "TRAINING.AGENT." + weak + ".MONTH.2023-06-01"), r -> r.status() == 200).json();
        assertThat(weakTraining.get("trainerId").asString()).isEqualTo("M001");
    }

    @Test
    void whenAssignmentsAreAskedForWronglyThenEachBadParameterIsNamed() {
        Api.Response bad = as("M001", "MANAGER").get("/api/v1/training/assignments?status=DONE&agentId=%20x%3B&size=0");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("status", "agentId", "size");
        assertThat(as("M001", "MANAGER").get("/api/v1/training/assignments/TRAINING.none").status()).isEqualTo(404);
    }
}
