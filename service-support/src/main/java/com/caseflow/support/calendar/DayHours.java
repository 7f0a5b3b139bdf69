package com.caseflow.support.calendar;

import java.util.ArrayList;
import java.util.List;

/**
 * One day's working hours, in minutes after midnight of the calendar's zone: from {@code opens} to {@code closes}
 * (1440 is midnight at the end of the day), less an optional break such as lunch (午休).
 */
public record DayHours(int opens, int closes, Integer breakStarts, Integer breakEnds) {

    public static final int MIDNIGHT = 24 * 60;
    /** The whole day, for calendars that never close. */
    public static final DayHours ALL_DAY = new DayHours(0, MIDNIGHT, null, null);

    public DayHours {
        if (opens < 0 || closes > MIDNIGHT || opens >= closes) {
            throw new IllegalArgumentException("a working day opens before it closes, within the day");
        }
        if ((breakStarts == null) != (breakEnds == null)) {
            throw new IllegalArgumentException("a break has a start and an end");
        }
        if (breakStarts != null && (breakStarts <= opens || breakEnds >= closes || breakStarts >= breakEnds)) {
            throw new IllegalArgumentException("a break lies inside the working hours and ends after it starts");
        }
    }

    /** Hours written as {@code HH:mm}; {@code closes} may be {@code 24:00}; both break ends or neither. */
    public static DayHours parse(String opens, String closes, String breakStarts, String breakEnds) {
        return new DayHours(minutes(opens), minutes(closes), breakStarts == null ? null : minutes(breakStarts),
                breakEnds == null ? null : minutes(breakEnds));
    }

    /** Minutes after midnight of {@code HH:mm} ({@code 24:00} is 1440). */
    public static int minutes(String hhmm) {
        if (hhmm == null || !hhmm.matches("([01]\\d|2[0-3]):[0-5]\\d|24:00")) {
            throw new IllegalArgumentException("a time of day is written HH:mm, 00:00 to 24:00");
        }
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3));
    }

    public static String format(int minutes) {
        return "%02d:%02d".formatted(minutes / 60, minutes % 60);
    }

    /** The working periods of the day, in order, each {@code [from, to)} in minutes. */
    public List<int[]> periods() {
        List<int[]> periods = new ArrayList<>(2);
        if (breakStarts == null) {
            periods.add(new int[] {opens, closes});
        } else {
            periods.add(new int[] {opens, breakStarts});
            periods.add(new int[] {breakEnds, closes});
        }
        return periods;
    }

    /** Working minutes in the day. */
    public int workingMinutes() {
        return closes - opens - (breakStarts == null ? 0 : breakEnds - breakStarts);
    }
}
