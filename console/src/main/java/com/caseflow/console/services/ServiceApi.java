package com.caseflow.console.services;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.util.function.Function;

/**
 * One service's API as the console calls it: with the signed-in user's token, behind a circuit breaker, every refusal
 * turned into a {@link ServiceProblem} and every failure into {@link ServiceUnavailable}. Screens wait the short read
 * timeout; downloads ({@link #download}) the long one.
 */
public final class ServiceApi {

    private final String name;
    private final RestClient client;
    private final RestClient downloads;
    private final CircuitBreaker breaker;

    ServiceApi(String name, RestClient client, RestClient downloads, CircuitBreaker breaker) {
        this.name = name;
        this.client = client;
        this.downloads = downloads;
        this.breaker = breaker;
    }

    /** A request for a screen: answered within the short read timeout, or the service counts as unavailable. */
    public <T> T call(Function<RestClient, T> request) {
        return through(client, request);
    }

    /** A file the service builds (an export in CSV or Excel): given the long read timeout. */
    public <T> T download(Function<RestClient, T> request) {
        return through(downloads, request);
    }

    private <T> T through(RestClient restClient, Function<RestClient, T> request) {
        try {
            return breaker.executeSupplier(() -> request.apply(restClient));
        } catch (CallNotPermittedException | ResourceAccessException e) {
            throw new ServiceUnavailable(name, e);
        }
    }
}
