package com.caseflow.intake.calls.domain;

/** Where a call stands. Later states never give way to earlier ones, whatever order the platform's events arrive in. */
public enum CallState {
    QUEUED(0), RINGING(1), ANSWERED(2), ABANDONED(3), ENDED(3);

    private final int rank;

    CallState(int rank) {
        this.rank = rank;
    }

    boolean before(CallState other) {
        return rank < other.rank;
    }

    boolean over() {
        return rank == 3;
    }
}
