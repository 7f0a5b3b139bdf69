package com.caseflow.support.logging;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one task (a scheduled sweep, the outbox relay) or the API logs while the store is away. A store outage fails
 * every run and every request the same way for as long as it lasts: its first failure is one WARN line naming the
 * cause (the exception's class and message, no stack trace), its repeats one summary line per {@code every} at most
 * with how many were left out, and the first success after it one INFO line: the store is reachable again after so
 * many failures and seconds. Any other failure is a fault to look into and keeps its ERROR with the stack trace.
 * <p>
 * Time is read from the given clock, so tests move it instead of waiting. Safe for concurrent use: the API's request
 * threads share one.
 */
public final class OutageLog {

    /** Repeats of one outage are summarised at most this often. */
    public static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);
    /** The store's circuit breaker, whose refusals mean the store is away. */
    private static final String STORE_BREAKER = "mongo";
    /** A driver's message names servers and states, never documents; cut anyway, a line stays a line. */
    private static final int MAX_MESSAGE = 300;
    /** What a store that is away looks like once the driver's timeouts run out, translated by Spring or not. */
    private static final List<Class<? extends Throwable>> STORE_AWAY = List.of(
            DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            QueryTimeoutException.class, MongoTimeoutException.class, MongoSocketException.class,
            MongoConnectionPoolClearedException.class, MongoNotPrimaryException.class,
            MongoNodeIsRecoveringException.class);

    private final Logger log;
    private final String task;
    private final Clock clock;
    private final Duration every;

    /** When the current outage was first seen; null while the store answers. */
    private Instant since;
    private Instant lastLine;
    private long failures;
    private long leftOut;

    /**
     * @param log  the logger of the class whose task this is, so that its lines keep their category
     * @param task how the lines name the task ("Timer sweep", "API requests")
     */
    public OutageLog(Logger log, String task, Clock clock) {
        this(log, task, clock, SUMMARY_EVERY);
    }

    public OutageLog(Logger log, String task, Clock clock, Duration every) {
        this.log = log;
        this.task = task;
        this.clock = clock;
        this.every = every;
    }

    /**
     * Whether the failure, or anything it was caused by, is the store being away: unreachable, frozen, timing out,
     * in an election, or its circuit breaker standing open. An optimistic-locking race or a duplicate key is not.
     */
    public static boolean storeAway(Throwable failure) {
        return storeCause(failure) != null;
    }

    /**
     * Logs a failure of the task: the store away as described above, anything else at ERROR with its stack trace.
     */
    public void failed(Throwable failure) {
        if (!storeFailed(failure)) {
            log.error("{} failed", task, failure);
        }
    }

    /**
     * Logs the failure if it is the store away and returns true; returns false, logging nothing, for any other
     * failure, which the caller logs as it sees fit.
     */
    public boolean storeFailed(Throwable failure) {
        Throwable cause = storeCause(failure);
        if (cause == null) {
            return false;
        }
        Instant now = clock.instant();
        String line = null;
        long omitted = 0;
        Duration lasting = null;
        synchronized (this) {
            failures++;
            if (since == null) {
                since = now;
                lastLine = now;
                line = "first";
            } else if (!now.isBefore(lastLine.plus(every))) {
                omitted = leftOut;
                lasting = Duration.between(since, now);
                lastLine = now;
                leftOut = 0;
                line = "again";
            } else {
                leftOut++;
            }
        }
        if ("first".equals(line)) {
            log.warn("{}: store unavailable ({}); repeats are summarised at most every {} s until it answers again",
                    task, describe(cause), every.toSeconds());
        } else if (line != null) {
            log.warn("{}: store still unavailable after {} s, {} more failure(s) not logged ({})", task,
                    lasting.toSeconds(), omitted, describe(cause));
        } else if (log.isDebugEnabled()) {
            log.debug("{}: store still unavailable ({})", task, describe(cause));
        }
        return true;
    }

    /** The task ran, or a request was answered, with the store answering: ends an outage seen before. */
    public void succeeded() {
        Instant first;
        long failed;
        synchronized (this) {
            if (since == null) {
                return;
            }
            first = since;
            failed = failures;
            since = null;
            lastLine = null;
            failures = 0;
            leftOut = 0;
        }
        log.info("{}: store reachable again after {} failure(s) / {} s", task, failed,
                Duration.between(first, clock.instant()).toSeconds());
    }

    private static Throwable storeCause(Throwable failure) {
        Throwable found = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CallNotPermittedException refused
                    && STORE_BREAKER.equals(refused.getCausingCircuitBreakerName())) {
                return refused;
            }
            for (Class<? extends Throwable> type : STORE_AWAY) {
                if (type.isInstance(cause)) {
                    // the deepest names the condition best: a socket timeout rather than Spring's wrapper of it
                    found = cause;
                }
            }
        }
        return found;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        if (message == null) {
            return cause.getClass().getName();
        }
        message = message.replaceAll("\\p{Cntrl}+", " ").strip();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        return cause.getClass().getName() + ": " + message;
    }
}
