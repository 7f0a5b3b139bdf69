package com.caseflow.followup.sms.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One text message to a customer, kept until the gateway accepted it (or it must not be sent). Its id derives from
 * the event it answers and its template, so a redelivered event finds it stored and sends nothing more.
 *
 * @param to            the customer's mobile number, in the normalised form; never logged
 * @param callbackId    for {@link SmsTemplate#CASE_RESOLVED}: the callback (回访) a reply of 1–5 answers
 * @param urgent        sent in quiet hours too (an URGENT case's confirmation)
 * @param nextAttemptAt when the dispatcher next looks at it; null once it is settled (sent or skipped)
 * @param lastError     the kind of the last failure (HTTP status or exception type), never a response body
 */
public record TextMessage(String id, SmsTemplate template, String caseId, String to, String text, String callbackId,
                          boolean urgent, Instant createdAt, SmsStatus status, int attempts, String lastError,
                          Instant nextAttemptAt, Instant sentAt) {

    public TextMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(status, "status");
    }

    public static TextMessage pending(String id, SmsTemplate template, String caseId, String to, String text,
                                      String callbackId, boolean urgent, Instant at) {
        return new TextMessage(id, template, caseId, to, text, callbackId, urgent, at, SmsStatus.PENDING, 0, null, at,
                null);
    }

    /** Whether the dispatcher may still send it. */
    public boolean open() {
        return status == SmsStatus.PENDING || status == SmsStatus.HELD_QUIET_HOURS || status == SmsStatus.FAILED;
    }

    public TextMessage sent(Instant at) {
        return with(SmsStatus.SENT, attempts + 1, lastError, null, at);
    }

    /** Kept until the quiet hours end. */
    public TextMessage held(Instant until) {
        return with(SmsStatus.HELD_QUIET_HOURS, attempts, lastError, until, null);
    }

    public TextMessage optedOut() {
        return with(SmsStatus.SKIPPED_OPT_OUT, attempts, lastError, null, null);
    }

    /** A failed attempt: the next waits {@code firstPause} doubled per earlier failure, at most {@code maxPause}. */
    public TextMessage failed(Instant at, String error, Duration firstPause, Duration maxPause) {
        int failures = attempts + 1;
        Duration pause = firstPause.multipliedBy(1L << Math.min(failures - 1, 20));
        if (pause.compareTo(maxPause) > 0) {
            pause = maxPause;
        }
        return with(SmsStatus.FAILED, failures, error, at.plus(pause), null);
    }

    private TextMessage with(SmsStatus newStatus, int newAttempts, String error, Instant next, Instant sent) {
        return new TextMessage(id, template, caseId, to, text, callbackId, urgent, createdAt, newStatus, newAttempts,
                error, next, sent);
    }

    /** Messages are logged by id; this keeps the number and the text out of any accidental toString. */
    @Override
    public String toString() {
        return "TextMessage[" + id + ", " + template + ", " + status + "]";
    }
}
