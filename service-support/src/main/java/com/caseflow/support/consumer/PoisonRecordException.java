package com.caseflow.support.consumer;

/**
 * A record that can never be processed as it is (missing fields, unknown schema version, a case nobody knows):
 * retrying cannot help, so it goes to the dead-letter topic at once, with this message naming what is wrong —
 * never the customer's data.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message);
    }
}
