package com.caseflow.routing.departments.domain;

/** Business hours a department allows for the first response and for the resolution of a case. */
public record SlaTarget(int firstResponseHours, int resolutionHours) {

    public SlaTarget {
        if (firstResponseHours <= 0 || resolutionHours <= 0 || resolutionHours < firstResponseHours) {
            throw new IllegalArgumentException("an SLA needs positive hours, resolution not before first response");
        }
    }
}
