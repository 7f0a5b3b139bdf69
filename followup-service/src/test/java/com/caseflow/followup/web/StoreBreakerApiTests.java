package com.caseflow.followup.web;

import com.caseflow.followup.support.FollowUpServiceTest;
import com.caseflow.support.testing.StoreBreakerChecks;
import com.caseflow.support.testing.TestIdentityProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The store's circuit breaker stands in front of this service's API with the settings of its application.yml. */
@FollowUpServiceTest
class StoreBreakerApiTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();

    @LocalServerPort
    int port;
    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void whenTheStoresBreakerStandsOpenThenTheApiAnswers503AtOnceAndHealthStillAsksTheStore() {
        StoreBreakerChecks.refusesAtOnceWhileOpen(port, breakers, "/api/v1/departments/LEGAL/follow-ups?size=5", IDP.departmentToken("D-LEGAL-BRK", "LEGAL"));
    }
}
