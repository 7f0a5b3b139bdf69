package com.caseflow.evaluation.web;

import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store's circuit breaker stands in front of this service's API with the settings of its application.yml: while
 * it stands open the API answers 503 store-unavailable with Retry-After without reaching the store, health still
 * asks the store itself. (Routing's StoreOutageApiTests freezes a real store; this only opens the breaker.)
 */
@EvaluationServiceTest
class StoreBreakerApiTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final String API = "/api/v1/teams";

    @LocalServerPort
    int port;
    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void whenTheStoresBreakerStandsOpenThenTheApiAnswers503AtOnceAndHealthStillAsksTheStore() {
        CircuitBreaker breaker = breakers.circuitBreaker("mongo");
        assertThat(breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls()).isEqualTo(4);
        assertThat(breaker.getCircuitBreakerConfig().getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(2);
        Api api = new Api(port, IDP.token("M-BRK-1", "MANAGER"));
        assertThat(api.get(API).status()).isEqualTo(200);
        // the breaker hears of a request once its answer is written
        await().atMost(Duration.ofSeconds(30)).until(() -> breaker.getMetrics().getNumberOfSuccessfulCalls() > 0);

        breaker.transitionToForcedOpenState();
        try {
            Api.Response refused = api.get(API);
            Api.Response readiness = new Api(port, null).get("/actuator/health/readiness");

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:caseflow:problem:store-unavailable");
            assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(1);
            assertThat(readiness.status()).isEqualTo(200);
        } finally {
            breaker.transitionToClosedState();
        }
        assertThat(api.get(API).status()).isEqualTo(200);
    }
}
