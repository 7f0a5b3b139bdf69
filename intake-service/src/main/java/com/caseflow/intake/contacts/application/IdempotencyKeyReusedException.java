package com.caseflow.intake.contacts.application;

/** The Idempotency-Key was used before for a different request: replaying it would hide the difference. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("Idempotency-Key was already used for a different request");
    }
}
