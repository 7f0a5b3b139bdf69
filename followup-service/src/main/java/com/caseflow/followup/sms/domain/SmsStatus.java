package com.caseflow.followup.sms.domain;

public enum SmsStatus {
    /** Waiting for its first attempt (or for a gateway to be configured). */
    PENDING,
    /** The gateway accepted it. */
    SENT,
    /** Due in quiet hours (21:00–08:00): kept, and sent when they end. */
    HELD_QUIET_HOURS,
    /** The customer had replied 退订: not sent, and never will be. */
    SKIPPED_OPT_OUT,
    /** The last attempt failed; tried again later with growing pauses, never dropped. */
    FAILED
}
