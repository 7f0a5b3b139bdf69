package com.caseflow.events.cases;

import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.PositiveOrZero;

import java.time.Instant;

/**
 * When a case must first be answered and resolved, counted in working time of one business calendar from the
 * department's SLA policy for the case's priority (an URGENT case is usually timed on the 24×7 calendar, in minutes).
 *
 * @param firstResponseHours   whole hours allowed for the first response, rounded up; read the minutes (kept for
 *                             readers from before they existed)
 * @param resolutionHours      whole hours allowed for the resolution, rounded up; as above
 * @param calendarId           the business calendar both deadlines are counted in, as published on {@code calendars}
 *                             (added later in schema version 1: absent from older records, which were counted in the
 *                             departments' office calendar)
 * @param firstResponseMinutes working minutes allowed for the first response (added with {@code calendarId})
 * @param resolutionMinutes    working minutes allowed for the resolution (added with {@code calendarId})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Deadlines(Instant firstResponseDue, Instant resolutionDue, @PositiveOrZero int firstResponseHours,
                        @PositiveOrZero int resolutionHours, @Identifier String calendarId,
                        @PositiveOrZero Integer firstResponseMinutes, @PositiveOrZero Integer resolutionMinutes) {

    /** Deadlines counted in whole hours on an unnamed calendar, as records from before calendars were named. */
    public Deadlines(Instant firstResponseDue, Instant resolutionDue, int firstResponseHours, int resolutionHours) {
        this(firstResponseDue, resolutionDue, firstResponseHours, resolutionHours, null, firstResponseHours * 60,
                resolutionHours * 60);
    }

    /** Deadlines of {@code minutes} of working time on the named calendar. */
    public static Deadlines of(String calendarId, Instant firstResponseDue, int firstResponseMinutes,
                               Instant resolutionDue, int resolutionMinutes) {
        return new Deadlines(firstResponseDue, resolutionDue, hoursRoundedUp(firstResponseMinutes),
                hoursRoundedUp(resolutionMinutes), calendarId, firstResponseMinutes, resolutionMinutes);
    }

    /** The working minutes allowed for the first response, also for records that only carry hours. */
    public int firstResponseWorkingMinutes() {
        return firstResponseMinutes != null ? firstResponseMinutes : firstResponseHours * 60;
    }

    /** The working minutes allowed for the resolution, also for records that only carry hours. */
    public int resolutionWorkingMinutes() {
        return resolutionMinutes != null ? resolutionMinutes : resolutionHours * 60;
    }

    private static int hoursRoundedUp(int minutes) {
        return (minutes + 59) / 60;
    }
}
