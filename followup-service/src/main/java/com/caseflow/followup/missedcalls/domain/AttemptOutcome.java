package com.caseflow.followup.missedcalls.domain;

/** What happened when staff called a missed caller back. */
public enum AttemptOutcome {
    /** The caller answered: the task is done. */
    REACHED,
    /** Nobody answered: tried again later, until the attempts run out. */
    NO_ANSWER,
    /** The number does not belong to the caller we want (or nobody by that number called): the task is done. */
    WRONG_NUMBER
}
