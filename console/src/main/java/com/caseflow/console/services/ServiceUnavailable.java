package com.caseflow.console.services;

/** A service did not answer, answered 5xx, or its circuit breaker is open: nothing is known to have happened. */
public final class ServiceUnavailable extends RuntimeException {

    private final String service;

    public ServiceUnavailable(String service, Throwable cause) {
        super(service + " is unavailable", cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
