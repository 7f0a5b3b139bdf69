package com.caseflow.support.problem;

import org.springframework.http.HttpStatus;

/** The request contradicts what is stored: a duplicate, or an edit of a version someone else changed meanwhile. */
public class ConflictException extends RequestRefusedException {

    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
    }
}
