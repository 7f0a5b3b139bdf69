package com.caseflow.followup.timers.domain;

public enum StageKind {
    /** Before a deadline: the owner or department is reminded. */
    REMINDER,
    /** After a deadline: one step up the escalation ladder. */
    ESCALATION
}
