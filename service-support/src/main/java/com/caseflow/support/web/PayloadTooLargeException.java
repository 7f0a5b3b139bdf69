package com.caseflow.support.web;

import java.io.IOException;

/** Thrown while reading a body that grew past the limit although it did not announce its length. */
class PayloadTooLargeException extends IOException {

    private final long limit;

    PayloadTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
