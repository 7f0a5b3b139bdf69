package com.caseflow.support.problem;

import org.springframework.http.HttpStatus;

/**
 * A request the service refuses for a reason of its own, not a bad field: a conflict with what is stored, a reused
 * key. It leaves as a problem document with this status, the type {@code urn:caseflow:problem:<type>} and the
 * message as detail, so the message must not repeat personal data from the request.
 */
public class RequestRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;

    public RequestRefusedException(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
