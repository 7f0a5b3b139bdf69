package com.caseflow.routing.departments.domain;

/** Business hours a department allows for the first response and for the resolution of a case. */
public record SlaTarget(int firstResponseHours, int resolutionHours) {

    /** Five years of working days: beyond it a deadline means nothing, and counting it would take long. */
    public static final int MAX_HOURS = 10_000;

    public SlaTarget {
        if (firstResponseHours <= 0 || resolutionHours <= 0 || resolutionHours < firstResponseHours
                || resolutionHours > MAX_HOURS) {
            throw new IllegalArgumentException("an SLA needs 1 to " + MAX_HOURS
                    + " business hours, resolution not before first response");
        }
    }
}
