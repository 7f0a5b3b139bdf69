package com.caseflow.followup.missedcalls.web;

import com.caseflow.followup.missedcalls.domain.MissedCallTask;
import com.caseflow.followup.support.CallLog;
import com.caseflow.followup.support.FollowUpServiceTest;
import com.caseflow.followup.support.TestClock;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Customer service's call-back queue of missed calls, through its API. */
@FollowUpServiceTest
class MissedCallApiTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    EmbeddedKafkaBroker broker;
    @LocalServerPort
    int port;

    private CallLog calls;
    private Api agent;
    private Api customerService;

    @BeforeEach
    void connect() {
        calls = new CallLog(broker.getBrokersAsString());
        agent = new Api(port, IDP.token("A003", "AGENT"));
        customerService = new Api(port, IDP.departmentToken("D-CS-01", "CUSTOMER_SERVICE"));
    }

    @AfterEach
    void disconnect() {
        calls.close();
    }

    /** A missed call from a new number, and its task as the API shows it once it is there. */
    private JsonNode missedCall(String caller) {
        String callId = CallLog.newCallId();
        calls.abandoned(callId, caller, TestClock.CLOCK.instant());
        return await().atMost(WAIT).until(() -> agent.get("/api/v1/missed-calls/" + MissedCallTask.idFor(callId)),
                r -> r.status() == 200).json();
    }

    private static String attempt(String outcome) {
        return "{\"outcome\":\"" + outcome + "\",\"note\":\"无人接听\"}";
    }

    @Test
    void whenNobodyAnswersThreeTimesThenTheTaskClosesAsUnreachableAndFurtherAttemptsConflict() {
        JsonNode task = missedCall(CallLog.newCaller());
        String path = "/api/v1/missed-calls/" + task.get("id").asString() + "/attempts";
        assertThat(task.get("status").asString()).isEqualTo("OPEN");
        assertThat(task.get("attempts").size()).isZero();

        JsonNode first = agent.post(path, attempt("NO_ANSWER")).json();
        assertThat(first.get("status").asString()).isEqualTo("OPEN");
        assertThat(first.get("attempts").size()).isEqualTo(1);
        assertThat(first.get("attempts").get(0).get("by").asString()).isEqualTo("A003");
        assertThat(customerService.post(path, attempt("NO_ANSWER")).json().get("status").asString())
                .isEqualTo("OPEN");
        Api.Response third = agent.post(path, attempt("NO_ANSWER"));
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(third.json().get("outcome").asString()).isEqualTo("UNREACHABLE");
        assertThat(third.json().get("attempts").size()).isEqualTo(3);
        assertThat(third.json().get("closedBy").asString()).isEqualTo("A003");

        Api.Response late = agent.post(path, """
                {"outcome":"REACHED"}""");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.header("Content-Type")).startsWith("application/problem+json");
        assertThat(agent.get("/api/v1/missed-calls/" + task.get("id").asString()).json().get("attempts").size())
                .isEqualTo(3);
    }

    @Test
    void whenTheCallerIsReachedOrTheNumberIsWrongThenTheTaskClosesWithThatOutcomeAndLeavesTheOpenQueue() {
        String caller = CallLog.newCaller();
        JsonNode reached = missedCall(caller);
        String reachedId = reached.get("id").asString();
        assertThat(agent.get("/api/v1/missed-calls?status=OPEN&size=100").json().get("content").valueStream()
                .filter(t -> t.get("id").asString().equals(reachedId))
                .map(t -> t.get("caller").asString())).containsExactly(caller);

        JsonNode closed = customerService.post("/api/v1/missed-calls/" + reachedId + "/attempts", """
                {"outcome":"REACHED","note":"客户咨询交房时间，已解答","contactId":"CT-20261201-0001"}""").json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asString()).isEqualTo("REACHED");
        assertThat(closed.get("note").asString()).isEqualTo("客户咨询交房时间，已解答");
        assertThat(closed.get("closedBy").asString()).isEqualTo("D-CS-01");
        assertThat(closed.get("attempts").get(0).get("contactId").asString()).isEqualTo("CT-20261201-0001");
        assertThat(closed.get("overdue").asBoolean()).isFalse();

        JsonNode wrong = missedCall(CallLog.newCaller());
        assertThat(agent.post("/api/v1/missed-calls/" + wrong.get("id").asString() + "/attempts", """
                {"outcome":"WRONG_NUMBER"}""").json().get("outcome").asString()).isEqualTo("WRONG_NUMBER");

        assertThat(agent.get("/api/v1/missed-calls?status=OPEN&size=100").json().get("content").valueStream()
                .map(t -> t.get("id").asString())).doesNotContain(reachedId, wrong.get("id").asString());
        assertThat(agent.get("/api/v1/missed-calls?status=CLOSED&size=100").json().get("content").valueStream()
                .map(t -> t.get("id").asString())).contains(reachedId, wrong.get("id").asString());
    }

    @Test
    void whenAnAttemptIsIncompleteOrWrongThenEachBadFieldIsNamedAndNothingIsRecorded() {
        JsonNode task = missedCall(CallLog.newCaller());
        String path = "/api/v1/missed-calls/" + task.get("id").asString() + "/attempts";

        Api.Response missing = agent.post(path, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("outcome");

        Api.Response wrong = agent.post(path, """
                {"outcome":"MAYBE","note":"%s","contactId":"not a contact id!"}""".formatted("很".repeat(501)));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("outcome", "note", "contactId");

        assertThat(agent.post(path, """
                {"outcome":"REACHED","callerName":"王先生"}""").status()).isEqualTo(400);
        assertThat(agent.post(path, "{").status()).isEqualTo(400);
        assertThat(agent.get("/api/v1/missed-calls?status=LOST").status()).isEqualTo(400);
        assertThat(agent.get("/api/v1/missed-calls?size=0").json().get("errors").valueStream()
                .map(e -> e.get("field").asString())).containsExactly("size");

        assertThat(agent.get("/api/v1/missed-calls/" + task.get("id").asString()).json().get("attempts").size())
                .isZero();
        assertThat(agent.post("/api/v1/missed-calls/mc-no-such-call/attempts", attempt("NO_ANSWER")).status())
                .isEqualTo(404);
    }

    @Test
    void whenOthersUseTheQueueThenOnlyAgentsCustomerServiceSupervisorsAndManagersMayAndReviewersSeeMaskedNumbers() {
        String caller = CallLog.newCaller();
        JsonNode task = missedCall(caller);
        String id = task.get("id").asString();
        assertThat(task.get("caller").asString()).isEqualTo(caller);

        Api engineering = new Api(port, IDP.departmentToken("D-ENG-01", "ENGINEERING"));
        Api admin = new Api(port, IDP.token("ADM1", "ADMIN"));
        Api supervisor = new Api(port, IDP.token("S001", "SUPERVISOR"));
        Api manager = new Api(port, IDP.token("M001", "MANAGER"));
        Api anonymous = new Api(port, null);

        assertThat(engineering.get("/api/v1/missed-calls").status()).isEqualTo(403);
        assertThat(engineering.post("/api/v1/missed-calls/" + id + "/attempts", attempt("NO_ANSWER")).status())
                .isEqualTo(403);
        assertThat(admin.get("/api/v1/missed-calls").status()).isEqualTo(403);
        assertThat(anonymous.get("/api/v1/missed-calls").status()).isEqualTo(401);

        assertThat(customerService.get("/api/v1/missed-calls/" + id).json().get("caller").asString())
                .isEqualTo(caller);
        String masked = supervisor.get("/api/v1/missed-calls/" + id).json().get("caller").asString();
        assertThat(masked).isNotEqualTo(caller).startsWith(caller.substring(0, 3)).endsWith(caller.substring(7));
        assertThat(manager.get("/api/v1/missed-calls?size=100").status()).isEqualTo(200);
        Api.Response bySupervisor = supervisor.post("/api/v1/missed-calls/" + id + "/attempts", attempt("NO_ANSWER"));
        assertThat(bySupervisor.status()).isEqualTo(200);
        assertThat(bySupervisor.json().get("attempts").size()).isEqualTo(1);
        assertThat(engineering.get("/api/v1/missed-calls/" + id).status()).isEqualTo(403);
    }
}
