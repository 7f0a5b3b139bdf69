package com.caseflow.support.testing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store's circuit breaker in front of a service's API, with the settings every service's application.yml gives
 * it: while it stands open the API answers 503 store-unavailable with Retry-After without reaching the store, and
 * health still asks the store itself. (Routing's StoreOutageApiTests freezes a real store; this only opens the
 * breaker.)
 */
public final class StoreBreakerChecks {

    private StoreBreakerChecks() {
    }

    /** Opens the breaker, reads {@code path} as the holder of {@code token}, and closes it again. */
    public static void refusesAtOnceWhileOpen(int port, CircuitBreakerRegistry breakers, String path, String token) {
        CircuitBreaker breaker = breakers.circuitBreaker("mongo");
        assertThat(breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls()).isEqualTo(4);
        assertThat(breaker.getCircuitBreakerConfig().getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(2);
        Api api = new Api(port, token);
        assertThat(api.get(path).status()).isEqualTo(200);
        // the breaker hears of a request once its answer is written
        await().atMost(Duration.ofSeconds(30)).until(() -> breaker.getMetrics().getNumberOfSuccessfulCalls() > 0);

        breaker.transitionToForcedOpenState();
        try {
            Api.Response refused = api.get(path);
            Api.Response readiness = new Api(port, null).get("/actuator/health/readiness");

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:caseflow:problem:store-unavailable");
            assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(1);
            assertThat(readiness.status()).isEqualTo(200);
        } finally {
            breaker.transitionToClosedState();
        }
        assertThat(api.get(path).status()).isEqualTo(200);
    }
}
