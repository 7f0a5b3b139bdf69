package com.caseflow.followup.callbacks.domain;

/** An attempt was recorded on a callback that is no longer in the queue. */
public class CallbackClosedException extends RuntimeException {

    public CallbackClosedException(String message) {
        super(message);
    }
}
