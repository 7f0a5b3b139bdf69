package com.caseflow.followup.sms.application;

/** A request that claims to come from the gateway but is not signed by it, is stale, or was taken before. */
public class UnsignedRequestException extends RuntimeException {

    public UnsignedRequestException(String message) {
        super(message);
    }
}
