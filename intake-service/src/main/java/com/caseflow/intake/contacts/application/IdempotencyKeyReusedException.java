package com.caseflow.intake.contacts.application;

import com.caseflow.support.problem.RequestRefusedException;
import org.springframework.http.HttpStatus;

/** The Idempotency-Key was used before for a different request: replaying it would hide the difference. */
public class IdempotencyKeyReusedException extends RequestRefusedException {

    public IdempotencyKeyReusedException() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                "This Idempotency-Key was already used for a different request. Use a new key for a new contact.");
    }
}
