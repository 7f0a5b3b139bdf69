package com.caseflow.evaluation.evaluations.web;

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

import static com.caseflow.evaluation.support.TestEvents.call;
import static com.caseflow.evaluation.support.TestEvents.feedback;
import static com.caseflow.evaluation.support.TestEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A month's counters become scores, company-wide ranks and recommended outcomes, published once on evaluations;
 * running the month again publishes only what changed.
 */
@EvaluationServiceTest
class EvaluationRunTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxProperties outbox;
    @LocalServerPort
    int port;

    @Test
    void whenAMonthIsEvaluatedThenEachAgentIsScoredRankedAndPublishedOnceAndOnlyChangesAreRepublished() {
        String good = "EV-G-" + UUID.randomUUID().toString().substring(0, 6);
        String weak = "EV-W-" + UUID.randomUUID().toString().substring(0, 6);
        Api manager = new Api(port, IDP.token("M001", "MANAGER"));
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            for (int i = 0; i < 4; i++) {
                publish(log, Topics.CONTACTS, good, call(good, "2025-06-1" + i, true, true));
                publish(log, Topics.CONTACTS, weak, call(weak, "2025-06-1" + i, i == 0, i < 2));
            }
            publish(log, Topics.CONTACTS, good, call(good, "2025-05-20", false, true));
            publish(log, Topics.FOLLOWUPS, good, feedback(good, "2025-06-20", 5));
            publish(log, Topics.FOLLOWUPS, weak, feedback(weak, "2025-06-20", 2));
        }
        String june = "?from=2025-06-01&to=2025-06-30";
        await().atMost(WAIT).until(() -> manager.get("/api/v1/reports/agents/" + weak + june).json(),
                r -> r.get("counters").get("phoneCalls").asLong() == 4 && r.get("counters").get("feedbackReached")
                        .asLong() == 1);
        await().atMost(WAIT).until(() -> manager.get("/api/v1/reports/agents/" + good + june).json(),
                r -> r.get("counters").get("phoneCalls").asLong() == 4 && r.get("counters").get("feedbackReached")
                        .asLong() == 1);
        // the month before, which the change is measured against: its call came on the same partition after June's,
        // so June's counters do not say it has been counted
        await().atMost(WAIT).until(() -> manager.get("/api/v1/reports/agents/" + good
                        + "?from=2025-05-01&to=2025-05-31").json(),
                r -> r.get("counters").get("phoneCalls").asLong() == 1);

        JsonNode board = manager.get("/api/v1/reports/agents" + june).json();
        JsonNode goodRow = row(board, good);
        JsonNode weakRow = row(board, weak);
        // good: answered 100, complete 100, first contact 100, satisfaction 100 → 100; a month before: answered 0
        assertThat(goodRow.get("standing").get("scored").get("score").asDouble()).isEqualTo(100.0);
        assertThat(goodRow.get("standing").get("previousScore").asDouble()).isLessThan(100.0);
        assertThat(goodRow.get("standing").get("change").asDouble()).isPositive();
        // weak: answered 25 (2), complete 50 (2), first contact 100 (1), satisfaction 25 (3) → 325 / 8 = 40.6
        assertThat(weakRow.get("standing").get("scored").get("score").asDouble()).isEqualTo(40.6);
        assertThat(weakRow.get("standing").get("rank").asInt())
                .isGreaterThan(goodRow.get("standing").get("rank").asInt());
        assertThat(board.get("previous").get("from").asString()).isEqualTo("2025-05-01");
        Api supervisor = new Api(port, IDP.token("S001", "SUPERVISOR"));
        assertThat(supervisor.get("/api/v1/reports/agents" + june).json().get("rows").valueStream()
                .map(r -> r.get("agentId").asString())).as("not in S001's team").doesNotContain(good, weak);

        String run = "{\"periodType\":\"MONTH\",\"start\":\"2025-06-01\"}";
        Api.Response first = manager.post("/api/v1/evaluations", run);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("published").asInt()).isGreaterThanOrEqualTo(2);
        try (TopicReader evaluations = new TopicReader(broker.getBrokersAsString(), Topics.EVALUATIONS)) {
            JsonNode weakEvaluation = data(evaluations.read(published(weak), 1, WAIT).get(0));
            assertThat(weakEvaluation.get("outcome").asString()).isEqualTo("TRAINING");
            assertThat(weakEvaluation.get("provisional").asBoolean()).as("June 2025 is over").isFalse();
            assertThat(weakEvaluation.get("weakKpis").valueStream().map(JsonNode::asString))
                    .contains("answerWithinThreeRings", "completeRecords", "satisfaction");
            assertThat(weakEvaluation.get("reasons").get(0).asString()).isEqualTo("综合得分 40.6 低于 70.0");
            assertThat(data(evaluations.read(published(good), 1, WAIT).get(0)).get("outcome").asString())
                    .isEqualTo("COMMENDATION");

            assertThat(manager.post("/api/v1/evaluations", run).json().get("published").asInt())
                    .as("nothing changed").isZero();
            try (EventLog log = new EventLog(broker.getBrokersAsString())) {
                publish(log, Topics.CONTACTS, weak, call(weak, "2025-06-30", true, true));
            }
            await().atMost(WAIT).until(() -> manager.get("/api/v1/reports/agents/" + weak + june).json()
                    .get("counters").get("phoneCalls").asLong() == 5);
            manager.post("/api/v1/evaluations", run);

            List<Integer> weakRevisions = evaluations.read(published(weak), 2, WAIT).stream()
                    .map(r -> data(r).get("revision").asInt()).toList();
            assertThat(weakRevisions).containsExactly(1, 2);
            Barriers.outboxEmpty(mongo, outbox.collections());
            assertThat(evaluations.readToEnd()).filteredOn(published(good))
                    .as("good's result did not change").hasSize(1);
        }

        Api goodAgent = new Api(port, IDP.token(good, "AGENT"));
        JsonNode own = goodAgent.get("/api/v1/evaluations?periodType=MONTH&start=2025-06-01").json();
        assertThat(own.get("evaluations").valueStream().map(e -> e.get("subjectId").asString()))
                .containsExactly(good);
        assertThat(goodAgent.get("/api/v1/evaluations/AGENT." + weak + ".MONTH.2025-06-01").status())
                .isEqualTo(403);
        assertThat(manager.get("/api/v1/evaluations/AGENT." + weak + ".MONTH.2025-06-01").json().get("revision")
                .asInt()).isEqualTo(2);
        String csv = manager.get("/api/v1/evaluations?periodType=MONTH&start=2025-06-01&format=csv").raw().body();
        assertThat(csv.lines().findFirst().orElseThrow()).contains("考核编号", "综合得分", "建议结果");
        assertThat(csv.lines().filter(l -> l.contains(weak))).singleElement().asString().contains("培训", "46.9"); // after the late call: 375 / 8
    }

    @Test
    void whenARunIsAskedForWronglyThenItIsRefusedNamingEachField() {
        Api manager = new Api(port, IDP.token("M001", "MANAGER"));
        Api agent = new Api(port, IDP.token("A001", "AGENT"));

        Api.Response bad = manager.post("/api/v1/evaluations", "{\"periodType\":\"YEAR\",\"start\":\"2025-13-01\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("periodType", "start");
        assertThat(manager.post("/api/v1/evaluations", "{\"periodType\":\"WEEK\",\"start\":\"2025-06-03\"}").json()
                .get("errors").get(0).get("message").asString()).contains("Monday");
        assertThat(manager.post("/api/v1/evaluations", "{\"periodType\":\"MONTH\",\"start\":\"2099-01-01\"}")
                .status()).isEqualTo(400);
        assertThat(manager.post("/api/v1/evaluations", "{\"periodType\":\"MONTH\",\"start\":\"-999999999-01-01\"}")
                .json().get("errors").get(0).get("field").asString()).as("a date the calendar cannot go before")
                .isEqualTo("start");
        assertThat(manager.get("/api/v1/reports/agents?from=%2B999999999-12-01&to=%2B999999999-12-31").json()
                .get("errors").valueStream().map(e -> e.get("field").asString())).containsExactly("from", "to");
        assertThat(agent.post("/api/v1/evaluations", "{\"periodType\":\"MONTH\",\"start\":\"2025-06-01\"}")
                .status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/reports/agents?from=2025-06-01&to=2025-06-30").status()).isEqualTo(403);
    }

    /** The evaluations of a subject: training assigned to a weak agent travels on the same topic and key. */
    private static java.util.function.Predicate<ConsumerRecord<String, byte[]>> published(String subject) {
        return r -> subject.equals(r.key())
                && EventTypes.EVALUATION_PUBLISHED.equals(TopicReader.header(r, CloudEventHeaders.TYPE));
    }

    private static JsonNode row(JsonNode board, String agentId) {
        return board.get("rows").valueStream().filter(r -> r.get("agentId").asString().equals(agentId)).findFirst()
                .orElseThrow(() -> new AssertionError(agentId + " not in " + board));
    }

    private static JsonNode data(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value()).get("data");
    }
}
