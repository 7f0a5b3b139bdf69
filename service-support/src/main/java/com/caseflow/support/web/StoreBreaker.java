package com.caseflow.support.web;

import com.caseflow.support.logging.OutageLog;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.function.Predicate;

/**
 * The store's circuit breaker ({@value ProblemHandler#STORE_BREAKER}) in front of every API request, rather than in
 * front of each store class: once the store has failed enough requests (frozen, unreachable) an API request is
 * refused before its handler runs, with the same 503 store-unavailable problem and {@code Retry-After}, instead of
 * holding a request thread for the driver's timeouts (and the store's retries) while the console keeps polling.
 * <p>
 * One request is one call of the breaker, however many store operations it makes. It counts as a store failure
 * when one of its store operations failed because the store is away (counted at once, see
 * {@link #retryable(Predicate)}) or when it ended in the store-unavailable problem ({@link ProblemHandler} marks
 * it); as a success otherwise: a 4xx for a client's mistake, a 409 or a 404 all show a store that answers.
 * Consumers, the outbox relay and the health endpoints do not pass here; they have their own ways to wait out an
 * outage.
 */
final class StoreBreaker implements HandlerInterceptor {

    /** Set by the problem handler to the store failure a request ended in. */
    static final String FAILURE = StoreBreaker.class.getName() + ".failure";
    /** Marks a request the breaker let through. */
    private static final String GUARDED = StoreBreaker.class.getName() + ".guarded";
    /** When the request was let through; removed once the breaker has heard how it went. */
    private static final String STARTED = StoreBreaker.class.getName() + ".started";

    private final CircuitBreaker breaker;
    /** Told of each request that ended with the store answering: the outage log's recovery line. */
    private final Runnable storeAnswered;

    StoreBreaker(CircuitBreaker breaker, Runnable storeAnswered) {
        this.breaker = breaker;
        this.storeAnswered = storeAnswered;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            return true;
        }
        if (!breaker.tryAcquirePermission()) {
            // answered by the problem handler as the store-unavailable problem
            throw CallNotPermittedException.createCallNotPermittedException(breaker);
        }
        request.setAttribute(GUARDED, Boolean.TRUE);
        request.setAttribute(STARTED, breaker.getCurrentTimestamp());
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception unhandled) {
        if (request.getAttribute(FAILURE) instanceof Throwable failure) {
            failed(request, failure);
        } else if (request.getAttribute(STARTED) instanceof Long started) {
            request.removeAttribute(STARTED);
            breaker.onSuccess(breaker.getCurrentTimestamp() - started, breaker.getTimestampUnit());
            storeAnswered.run();
        }
    }

    /**
     * The store's retry ({@code resilience4j.retry.instances.mongo}) as seen from an API request: a store operation
     * that failed because the store is away counts against the breaker at once rather than when the request ends,
     * and is not tried again once the breaker stands open. Without this the first requests to meet a frozen store
     * would each wait out every retry of every operation (measured: 12 s for the first of routing's queue reads),
     * however early the breaker opened. Elsewhere (consumers, the relay, scheduled work) the retry is unchanged.
     */
    Predicate<Throwable> retryable(Predicate<Throwable> configured) {
        return failure -> {
            if (!configured.test(failure)) {
                return false;
            }
            HttpServletRequest request = currentRequest();
            if (request == null || request.getAttribute(GUARDED) == null || !OutageLog.storeAway(failure)) {
                return true;
            }
            failed(request, failure);
            CircuitBreaker.State state = breaker.getState();
            return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
        };
    }

    private void failed(HttpServletRequest request, Throwable failure) {
        if (request.getAttribute(STARTED) instanceof Long started) {
            request.removeAttribute(STARTED);
            breaker.onError(breaker.getCurrentTimestamp() - started, breaker.getTimestampUnit(), failure);
        }
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
