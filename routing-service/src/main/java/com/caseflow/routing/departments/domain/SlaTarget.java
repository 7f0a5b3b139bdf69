package com.caseflow.routing.departments.domain;

/**
 * How long a department allows for the first response and the resolution of a case of one priority, in working
 * minutes of a business calendar: the department's own, or the one named here (URGENT is timed on the 24×7 calendar
 * by default: a gas smell at 18:30 on a Friday does not wait for Monday).
 *
 * @param calendarId the calendar this priority is timed in; null for the department's calendar
 */
public record SlaTarget(int firstResponseMinutes, int resolutionMinutes, String calendarId) {

    /** The shortest deadline that still means something to a person who must act on it. */
    public static final int MIN_MINUTES = 5;
    /** Five years of working days: beyond it a deadline means nothing, and counting it would take long. */
    public static final int MAX_MINUTES = 10_000 * 60;

    public SlaTarget {
        if (firstResponseMinutes < MIN_MINUTES || resolutionMinutes < firstResponseMinutes
                || resolutionMinutes > MAX_MINUTES) {
            throw new IllegalArgumentException("an SLA needs " + MIN_MINUTES + " to " + MAX_MINUTES
                    + " working minutes, resolution not before first response");
        }
    }

    public static SlaTarget hours(int firstResponseHours, int resolutionHours) {
        return new SlaTarget(firstResponseHours * 60, resolutionHours * 60, null);
    }
}
