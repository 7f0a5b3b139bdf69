package com.caseflow.support.consumer;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

import java.util.List;

/**
 * Failures that say nothing about the record and will pass once the store is back: it is unreachable, frozen, in an
 * election, or a circuit breaker stands open in front of it. A record that fails this way is kept and tried again
 * for as long as it takes; only other failures (poison, a bug) may send it to the dead-letter topic.
 */
public final class TransientFailures {

    private static final List<Class<? extends Throwable>> TRANSIENT = List.of(
            // what Spring Data makes of an unreachable or frozen store (timeouts, sockets, pool waits)
            DataAccessResourceFailureException.class,
            // query timeouts, optimistic-locking races, transient resource errors: the same write may pass next time
            TransientDataAccessException.class,
            // the driver's own, where they reach us untranslated
            MongoTimeoutException.class,
            MongoConnectionPoolClearedException.class,
            MongoSocketException.class,
            MongoNotPrimaryException.class,
            MongoNodeIsRecoveringException.class,
            MongoInterruptedException.class,
            CallNotPermittedException.class);

    /** Whether the failure, or anything it was caused by, is a store that is away for now. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PoisonRecordException) {
                return false;
            }
            for (Class<? extends Throwable> type : TRANSIENT) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
            if (cause instanceof MongoException mongo
                    && (mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                    || mongo.hasErrorLabel("RetryableWriteError"))) {
                return true;
            }
        }
        return false;
    }

    private TransientFailures() {
    }
}
