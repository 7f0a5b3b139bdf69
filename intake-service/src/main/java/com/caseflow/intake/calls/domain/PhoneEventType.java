package com.caseflow.intake.calls.domain;

/** What the phone platform says happened to a call, in the generic call-event format. */
public enum PhoneEventType {
    QUEUED, RINGING, ANSWERED, ABANDONED, TRANSFERRED, ENDED
}
