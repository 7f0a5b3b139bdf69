package com.caseflow.followup.notifications.application;

import com.caseflow.followup.support.Cases;
import com.caseflow.followup.support.CaseLog;
import com.caseflow.followup.support.FollowUpServiceTest;
import com.caseflow.followup.support.FollowedCases;
import com.caseflow.followup.support.TestClock;
import com.caseflow.followup.support.TestGateway;
import com.caseflow.followup.timers.application.TimerSweep;
import com.caseflow.followup.timers.domain.WorkingTime;
import com.caseflow.followup.timers.persistence.FollowUpStore;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@FollowUpServiceTest
class NotificationDeliveryTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    TimerSweep timers;
    @Autowired
    NotificationDispatcher dispatcher;
    @Autowired
    FollowUpStore store;
    /** Deadlines are counted as routing counts them: in the office calendar it publishes. */
    WorkingTime time = Cases.WORKING_TIME;
    @Autowired
    CircuitBreakerRegistry breakers;
    @LocalServerPort
    int port;

    @AfterEach
    void gatewayBack() {
        TestGateway.get().failWith(0);
        breakers.circuitBreaker("webhook").reset();
    }

    private JsonNode notificationOf(Api manager, String caseId) {
        return await().atMost(Duration.ofSeconds(90)).until(() -> {
            JsonNode page = manager.get("/api/v1/notifications?caseId=" + caseId).json();
            return page.get("content").isEmpty() ? null : page.get("content").get(0);
        }, n -> n != null);
    }

    @Test
    void whenTheGatewayIsDownThenTheNotificationIsKeptWithItsErrorAndDeliveredOnceItIsBack() {
        String caseId;
        try (CaseLog cases = new CaseLog(broker.getBrokersAsString())) {
            FollowedCases followed = new FollowedCases(cases, store, time);
            caseId = followed.routedNow("ENGINEERING", 2, 8);
            TestClock.CLOCK.advanceTo(followed.nextTimer(caseId));
        }
        timers.sweep();
        Api manager = new Api(port, IDP.token("M001", "MANAGER"));
        String id = notificationOf(manager, caseId).get("id").asString();

        TestGateway.get().failWith(503);
        for (int round = 0; round < 6; round++) {
            dispatcher.deliverDue();
            TestClock.CLOCK.advance(Duration.ofHours(1));
        }

        JsonNode pending = manager.get("/api/v1/notifications/" + id).json();
        assertThat(pending.get("status").asString()).isEqualTo("PENDING");
        assertThat(pending.get("attempts").asInt()).isEqualTo(6);
        assertThat(breakers.circuitBreaker("webhook").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(pending.get("lastError").asString()).matches("HTTP 503|CallNotPermittedException");
        assertThat(Instant.parse(pending.get("nextAttemptAt").asString())).isAfter(TestClock.CLOCK.instant()
                .minus(Duration.ofHours(1)));
        assertThat(TestGateway.get().receivedFor(caseId)).isEmpty();
        assertThat(manager.get("/api/v1/notifications?status=PENDING&size=100").json().get("content")
                .valueStream().map(n -> n.get("id").asString())).contains(id);

        TestGateway.get().failWith(0);
        breakers.circuitBreaker("webhook").reset();
        TestClock.CLOCK.advance(Duration.ofHours(1));
        dispatcher.deliverDue();

        JsonNode delivered = manager.get("/api/v1/notifications/" + id).json();
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(TestGateway.get().receivedFor(caseId)).singleElement()
                .satisfies(r -> assertThat(r.idempotencyKey()).isEqualTo(id));
        dispatcher.deliverDue();
        assertThat(TestGateway.get().receivedFor(caseId)).hasSize(1);
    }

    @Test
    void whenSomeoneOtherThanAReviewerAsksForNotificationsThenTheyAreRefused() {
        Api agent = new Api(port, IDP.token("A001", "AGENT"));
        Api engineering = new Api(port, IDP.departmentToken("D-ENG-01", "ENGINEERING"));

        assertThat(agent.get("/api/v1/notifications").status()).isEqualTo(403);
        assertThat(engineering.get("/api/v1/notifications").status()).isEqualTo(403);
        assertThat(new Api(port, null).get("/api/v1/notifications").status()).isEqualTo(401);
    }
}
