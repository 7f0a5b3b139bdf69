package com.caseflow.support.calendar;

import com.caseflow.events.calendar.CalendarPublished;
import com.caseflow.events.calendar.CalendarPublished.WorkingHours;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** A calendar as it travels on {@code calendars} and as services count in it. */
public final class CalendarWire {

    /** The calendar a published record describes; throws {@link IllegalArgumentException} when it is not one. */
    public static BusinessCalendar calendar(CalendarPublished published) {
        Map<DayOfWeek, DayHours> weekdays = new EnumMap<>(DayOfWeek.class);
        if (published.weekdays() != null) {
            published.weekdays().forEach((day, hours) -> weekdays.put(day, hours(hours)));
        }
        return new BusinessCalendar(published.calendarId(), published.name(), published.version(),
                ZoneId.of(published.zone()), weekdays,
                published.makeUpDayHours() == null ? null : hours(published.makeUpDayHours()),
                published.observesPublicHolidays(), new HashSet<>(orEmpty(published.years())),
                new HashSet<>(orEmpty(published.holidays())), new HashSet<>(orEmpty(published.makeUpWorkingDays())));
    }

    public static DayHours hours(WorkingHours hours) {
        return DayHours.parse(hours.opens(), hours.closes(), hours.breakStarts(), hours.breakEnds());
    }

    public static WorkingHours wire(DayHours hours) {
        return new WorkingHours(DayHours.format(hours.opens()), DayHours.format(hours.closes()),
                hours.breakStarts() == null ? null : DayHours.format(hours.breakStarts()),
                hours.breakEnds() == null ? null : DayHours.format(hours.breakEnds()));
    }

    public static Map<DayOfWeek, WorkingHours> wire(Map<DayOfWeek, DayHours> weekdays) {
        Map<DayOfWeek, WorkingHours> wire = new EnumMap<>(DayOfWeek.class);
        weekdays.forEach((day, hours) -> wire.put(day, wire(hours)));
        return wire;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private CalendarWire() {
    }
}
