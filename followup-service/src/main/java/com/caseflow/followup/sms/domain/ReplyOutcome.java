package com.caseflow.followup.sms.domain;

public enum ReplyOutcome {
    /** A score that became the case's feedback and closed its callback. */
    FEEDBACK_RECORDED,
    /** A score for a case whose callback was already made (or withdrawn): kept, changes nothing. */
    FEEDBACK_TOO_LATE,
    /** A score from a number that was never asked for one: kept, changes nothing. */
    NOT_ASKED,
    /** 退订: no more texts to this number. */
    OPTED_OUT,
    /** Any other text: kept, changes nothing. */
    IGNORED
}
