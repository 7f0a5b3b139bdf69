package com.caseflow.followup.missedcalls.domain;

public enum TaskStatus {
    OPEN,
    CLOSED
}
