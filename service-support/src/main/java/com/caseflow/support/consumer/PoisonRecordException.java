package com.caseflow.support.consumer;

import com.caseflow.events.EventEnvelope;

/**
 * A record that can never be processed as it is (missing fields, unknown schema version, a case nobody knows):
 * retrying cannot help, so it goes to the dead-letter topic at once, with this message naming what is wrong —
 * never the customer's data.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message);
    }

    /** Refuses a record whose schema version is newer than the payload this service was built with. */
    public static void requireReadable(EventEnvelope<?> envelope, int readableVersion) {
        if (envelope.schemaVersion() > readableVersion) {
            throw new PoisonRecordException("schema version " + envelope.schemaVersion() + " of " + envelope.type()
                    + " is newer than this service reads (" + readableVersion + ")");
        }
    }
}
