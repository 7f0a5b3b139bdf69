package com.caseflow.followup.timers.domain;

public enum StageState {
    PENDING,
    FIRED,
    /** Its moment passed while the service was down and firing it late would only mislead (a reminder after the deadline). */
    SKIPPED,
    /** The deadline was met, the case closed, or new deadlines replaced it. */
    CANCELLED
}
