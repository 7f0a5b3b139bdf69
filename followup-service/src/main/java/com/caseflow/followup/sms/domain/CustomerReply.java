package com.caseflow.followup.sms.domain;

import java.time.Instant;

/**
 * A reply the gateway passed on, kept whatever it said (its id makes a repeated delivery recognisable).
 *
 * @param from    the customer's number, normalised; never logged
 * @param text    what they wrote; never logged
 * @param outcome what the reply changed
 * @param caseId  the case a satisfaction score was counted for, if any
 */
public record CustomerReply(String id, String from, String text, Instant receivedAt, ReplyKind kind,
                            Integer satisfaction, ReplyOutcome outcome, String caseId, String callbackId) {

    @Override
    public String toString() {
        return "CustomerReply[" + id + ", " + kind + ", " + outcome + "]";
    }
}
