package com.caseflow.followup.missedcalls.domain;

/** How a call-back task was closed. */
public enum TaskOutcome {
    REACHED,
    WRONG_NUMBER,
    /** Every attempt went unanswered. */
    UNREACHABLE,
    /** The caller rang again and was answered before anyone called back. */
    CALLED_AGAIN
}
