package com.caseflow.followup.timers.web;

import com.caseflow.followup.support.CaseLog;
import com.caseflow.followup.support.Cases;
import com.caseflow.followup.support.FollowUpServiceTest;
import com.caseflow.followup.support.FollowedCases;
import com.caseflow.followup.support.TestClock;
import com.caseflow.followup.timers.application.TimerSweep;
import com.caseflow.followup.timers.domain.WorkingTime;
import com.caseflow.followup.timers.persistence.FollowUpStore;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@FollowUpServiceTest
class FollowUpApiTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    FollowUpStore store;
    /** Deadlines are counted as routing counts them: in the office calendar it publishes. */
    WorkingTime time = Cases.WORKING_TIME;
    @Autowired
    TimerSweep timers;
    @LocalServerPort
    int port;

    private static List<String> ids(JsonNode page) {
        return page.get("content").valueStream().map(c -> c.get("caseId").asString()).toList();
    }

    @Test
    void whenADepartmentAsksForItsDueCasesThenItSeesTheTimeLeftAndTheOverdueOnesApart() {
        String overdue;
        String due;
        try (CaseLog cases = new CaseLog(broker.getBrokersAsString())) {
            FollowedCases followed = new FollowedCases(cases, store, time);
            overdue = followed.routedNow("LEGAL", 1, 4);
            TestClock.CLOCK.advanceTo(store.find(overdue).orElseThrow().state().earliestOpenDeadline().orElseThrow()
                    .plusSeconds(60));
            due = followed.routedNow("LEGAL", 2, 8);
        }
        timers.sweep();
        Api legal = new Api(port, IDP.departmentToken("D-LEGAL-01", "LEGAL"));

        JsonNode late = legal.get("/api/v1/departments/LEGAL/follow-ups?overdue=true&size=100").json();
        assertThat(ids(late)).contains(overdue).doesNotContain(due);
        JsonNode lateCase = late.get("content").valueStream()
                .filter(c -> c.get("caseId").asString().equals(overdue)).findFirst().orElseThrow();
        JsonNode firstResponse = lateCase.get("deadlines").get(0);
        assertThat(firstResponse.get("overdue").asBoolean()).isTrue();
        assertThat(firstResponse.get("businessMinutesLeft").asLong()).isNegative();
        assertThat(firstResponse.get("label").asString()).isEqualTo("首次响应");

        JsonNode onTime = legal.get("/api/v1/departments/LEGAL/follow-ups?overdue=false&size=100").json();
        assertThat(ids(onTime)).contains(due).doesNotContain(overdue);
        JsonNode dueCase = onTime.get("content").valueStream()
                .filter(c -> c.get("caseId").asString().equals(due)).findFirst().orElseThrow();
        assertThat(dueCase.get("deadlines").get(0).get("businessMinutesLeft").asLong()).isBetween(1L, 120L);

        assertThat(new Api(port, IDP.departmentToken("D-ENG-01", "ENGINEERING"))
                .get("/api/v1/departments/LEGAL/follow-ups").status()).isEqualTo(403);
        assertThat(new Api(port, IDP.token("M001", "MANAGER"))
                .get("/api/v1/departments/LEGAL/follow-ups").status()).isEqualTo(200);
        assertThat(legal.get("/api/v1/departments/LEGAL/follow-ups?size=1000").status()).isEqualTo(400);
    }

    @Test
    void whenACaseIsFollowedThenItsTimelineShowsDeadlinesRemindersEscalationsAndCallbacksInOrder() {
        String caseId;
        try (CaseLog cases = new CaseLog(broker.getBrokersAsString())) {
            FollowedCases followed = new FollowedCases(cases, store, time);
            caseId = followed.routedNow("ENGINEERING", 1, 4);
            TestClock.CLOCK.advanceTo(followed.nextTimer(caseId));
            timers.sweep();
            TestClock.CLOCK.advanceTo(followed.nextTimer(caseId));
            timers.sweep();
            cases.publish(caseId, Cases.accepted(caseId, 2, "ENGINEERING", "D-ENG-01", TestClock.CLOCK.instant()));
            cases.publish(caseId, Cases.resolved(caseId, 3, "ENGINEERING", TestClock.CLOCK.instant()));
        }
        Api engineering = new Api(port, IDP.departmentToken("D-ENG-01", "ENGINEERING"));
        JsonNode followUp = await().atMost(Duration.ofSeconds(90))
                .until(() -> engineering.get("/api/v1/cases/" + caseId + "/follow-up").json(),
                        f -> f.get("status").asString().equals("RESOLVED"));

        List<String> what = followUp.get("timeline").valueStream().map(e -> e.get("what").asString()).toList();
        assertThat(what).containsSubsequence("ROUTED", "DEADLINE_SET", "REMINDER", "ESCALATION", "ACCEPTED",
                "RESOLVED", "CALLBACK_QUEUED");
        assertThat(followUp.get("escalationLevel").asInt()).isEqualTo(1);
        Api manager = new Api(port, IDP.token("M001", "MANAGER"));
        JsonNode escalation = await().atMost(Duration.ofSeconds(90)).until(() -> manager
                .get("/api/v1/notifications?caseId=" + caseId).json().get("content").valueStream()
                .filter(n -> n.get("kind").asString().equals("ESCALATION")).findFirst().orElse(null), n -> n != null);
        assertThat(escalation.get("recipients").get(0).asString()).isEqualTo("ENG-HEAD");
        assertThat(escalation.get("text").asString()).contains("第1级").contains("部门负责人");
        assertThat(new Api(port, IDP.departmentToken("D-LEGAL-01", "LEGAL"))
                .get("/api/v1/cases/" + caseId + "/follow-up").status()).isEqualTo(403);
        assertThat(new Api(port, IDP.departmentToken("D-CS-01", "CUSTOMER_SERVICE"))
                .get("/api/v1/cases/" + caseId + "/follow-up").status()).isEqualTo(200);
        assertThat(engineering.get("/api/v1/cases/no-such-case/follow-up").status()).isEqualTo(404);
    }
}
