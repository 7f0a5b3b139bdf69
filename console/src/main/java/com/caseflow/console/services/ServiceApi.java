package com.caseflow.console.services;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.util.function.Function;

/**
 * One service's API as the console calls it: with the signed-in user's token, behind a circuit breaker, every refusal
 * turned into a {@link ServiceProblem} and every failure into {@link ServiceUnavailable}.
 */
public final class ServiceApi {

    private final String name;
    private final RestClient client;
    private final CircuitBreaker breaker;

    ServiceApi(String name, RestClient client, CircuitBreaker breaker) {
        this.name = name;
        this.client = client;
        this.breaker = breaker;
    }

    public <T> T call(Function<RestClient, T> request) {
        try {
            return breaker.executeSupplier(() -> request.apply(client));
        } catch (CallNotPermittedException | ResourceAccessException e) {
            throw new ServiceUnavailable(name, e);
        }
    }
}
