package com.caseflow.followup.missedcalls.domain;

import java.time.Instant;

/**
 * One call back to a missed caller.
 *
 * @param contactId the contact recorded for the conversation, when there was one
 * @param by        the staff id of whoever called
 */
public record CallBackAttempt(AttemptOutcome outcome, String note, String contactId, String by, Instant at) {
}
