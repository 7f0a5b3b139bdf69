package com.caseflow.routing.cases.domain;

/** A step the case's current state does not allow, e.g. accepting a resolved case. */
public class CaseTransitionException extends RuntimeException {

    public CaseTransitionException(String message) {
        super(message);
    }
}
