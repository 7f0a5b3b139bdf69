package com.caseflow.events.followup;

/** The two deadlines every case has: the first response (a member of the department accepts it) and the resolution. */
public enum DeadlineKind {
    FIRST_RESPONSE("首次响应"),
    RESOLUTION("解决");

    private final String label;

    DeadlineKind(String label) {
        this.label = label;
    }

    /** The Chinese name users read in notifications and reports. */
    public String label() {
        return label;
    }
}
