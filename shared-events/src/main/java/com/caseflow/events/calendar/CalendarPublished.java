package com.caseflow.events.calendar;

import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The current version of a business calendar, as routing (which owns calendars) publishes it on the compacted topic
 * {@code calendars}, key = calendar id: every service that times work keeps a copy and counts in the same calendar.
 * Published again whenever the calendar or the departments that use it change; the newest {@code revision} wins.
 *
 * @param revision              increases with every publication of this calendar (content or use)
 * @param version               the version of the content, as administrators see it; every version is kept by routing
 * @param zone                  the time zone its hours are in, e.g. {@code Asia/Shanghai}
 * @param weekdays              working hours per day of the week; a day not listed is a day off
 * @param makeUpDayHours        the hours of a make-up working day (调休上班), usually those of a normal weekday
 * @param observesPublicHolidays false for a calendar that works on public holidays (a hotline, a 24×7 duty line):
 *                              it has no holidays and never runs out
 * @param years                 the years whose official holiday arrangement is entered; the calendar runs out after
 *                              the last of them
 * @param holidays              days off although on a working weekday
 * @param makeUpWorkingDays     working days although on a weekend
 * @param source                where the holiday dates came from (the State Council notice)
 * @param departments           the departments that time their cases in this calendar, for any priority
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CalendarPublished(@Identifier String calendarId, long revision, long version,
                                @Size(max = 100) String name, String zone, Map<DayOfWeek, WorkingHours> weekdays,
                                WorkingHours makeUpDayHours, boolean observesPublicHolidays, List<Integer> years,
                                List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays, String source,
                                @Size(max = 100) List<String> departments, @Identifier String changedBy,
                                Instant changedAt) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * One day's working hours as {@code HH:mm} in the calendar's zone; {@code closes} may be {@code 24:00}. A break
     * (lunch, 午休) is optional: both ends or neither.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorkingHours(String opens, String closes, String breakStarts, String breakEnds) {
    }
}
