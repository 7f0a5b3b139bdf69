package com.caseflow.followup.callbacks.domain;

public enum CallbackStatus {
    /** Waiting in customer service's queue: not yet called, or not reached and to be tried again. */
    QUEUED,
    /** The customer was reached and answered. */
    COMPLETED,
    /** Not reached in the allowed number of attempts. */
    UNREACHED,
    /** The case was reopened before the callback was made; the next resolution brings a new one. */
    SUPERSEDED
}
