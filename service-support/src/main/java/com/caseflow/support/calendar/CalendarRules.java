package com.caseflow.support.calendar;

import com.caseflow.support.problem.FieldProblem;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks a calendar passes before anyone counts in it, every bad field named: hours that make sense, holidays and
 * make-up days (调休) inside the years entered, a make-up day only where the week has no working hours, never a day
 * both a holiday and a make-up day, nothing twice.
 */
public final class CalendarRules {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    /** A calendar as an administrator writes it: hours as {@code HH:mm}, dates as days. */
    public record Draft(String id, String name, String zone, Map<DayOfWeek, Hours> weekdays, Hours makeUpDayHours,
                        Boolean observesPublicHolidays, List<Integer> years, List<LocalDate> holidays,
                        List<LocalDate> makeUpWorkingDays) {
    }

    public record Hours(String opens, String closes, String breakStarts, String breakEnds) {
    }

    /** The calendar, or the problems that keep it from being one. */
    public record Checked(BusinessCalendar calendar, List<FieldProblem> problems) {
    }

    public static Checked check(Draft draft, long version) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.id() == null || !draft.id().matches("[A-Z0-9][A-Z0-9_-]{1,39}")) {
            problems.add(new FieldProblem("id", "2–40 capital letters, digits, '-' or '_', e.g. CN-OFFICE"));
        }
        if (draft.name() == null || draft.name().isBlank()) {
            problems.add(new FieldProblem("name", "required"));
        } else if (draft.name().length() > 100) {
            problems.add(new FieldProblem("name", "at most 100 characters"));
        }
        ZoneId zone = zone(draft.zone(), problems);
        Map<DayOfWeek, DayHours> weekdays = new EnumMap<>(DayOfWeek.class);
        if (draft.weekdays() != null) {
            draft.weekdays().forEach((day, hours) -> {
                DayHours parsed = hours(hours, "weekdays." + day, problems);
                if (parsed != null) {
                    weekdays.put(day, parsed);
                }
            });
        }
        DayHours makeUpHours = draft.makeUpDayHours() == null ? null
                : hours(draft.makeUpDayHours(), "makeUpDayHours", problems);
        boolean observes = draft.observesPublicHolidays() == null || draft.observesPublicHolidays();
        List<Integer> years = draft.years() == null ? List.of() : draft.years();
        List<LocalDate> holidays = draft.holidays() == null ? List.of() : draft.holidays();
        List<LocalDate> makeUps = draft.makeUpWorkingDays() == null ? List.of() : draft.makeUpWorkingDays();
        if (!observes) {
            String none = "a calendar that works on public holidays has none";
            if (!years.isEmpty()) {
                problems.add(new FieldProblem("years", none));
            }
            if (!holidays.isEmpty()) {
                problems.add(new FieldProblem("holidays", none));
            }
            if (!makeUps.isEmpty()) {
                problems.add(new FieldProblem("makeUpWorkingDays", none));
            }
        }
        Set<Integer> yearSet = new TreeSet<>();
        for (int i = 0; i < years.size(); i++) {
            Integer year = years.get(i);
            if (year == null || year < FIRST_YEAR || year > LAST_YEAR) {
                problems.add(new FieldProblem("years[" + i + "]", "a year from " + FIRST_YEAR + " to " + LAST_YEAR));
            } else if (!yearSet.add(year)) {
                problems.add(new FieldProblem("years[" + i + "]", "listed twice"));
            }
        }
        Set<LocalDate> holidaySet = days("holidays", holidays, yearSet, problems);
        Set<LocalDate> makeUpSet = days("makeUpWorkingDays", makeUps, yearSet, problems);
        for (int i = 0; i < makeUps.size(); i++) {
            LocalDate day = makeUps.get(i);
            if (day == null) {
                continue;
            }
            if (holidaySet.contains(day)) {
                problems.add(new FieldProblem("makeUpWorkingDays[" + i + "]", "is also a holiday"));
            } else if (weekdays.containsKey(day.getDayOfWeek())) {
                problems.add(new FieldProblem("makeUpWorkingDays[" + i + "]",
                        "falls on a working weekday; a make-up working day (调休上班) is a weekend day worked"));
            }
        }
        if (weekdays.isEmpty() && makeUpSet.isEmpty() && problems.stream().noneMatch(p -> p.field().startsWith("weekdays"))) {
            problems.add(new FieldProblem("weekdays", "at least one day of the week has working hours"));
        }
        if (!makeUpSet.isEmpty() && makeUpHours == null && weekdays.isEmpty()) {
            problems.add(new FieldProblem("makeUpDayHours", "required for make-up working days"));
        }
        if (!problems.isEmpty()) {
            return new Checked(null, List.copyOf(problems));
        }
        return new Checked(new BusinessCalendar(draft.id(), draft.name().strip(), version, zone, weekdays, makeUpHours,
                observes, yearSet, holidaySet, makeUpSet), List.of());
    }

    private static ZoneId zone(String zone, List<FieldProblem> problems) {
        if (zone == null) {
            return ZoneId.of("Asia/Shanghai");
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("zone", "a time zone such as Asia/Shanghai"));
            return null;
        }
    }

    private static DayHours hours(Hours hours, String field, List<FieldProblem> problems) {
        if (hours == null) {
            problems.add(new FieldProblem(field, "opens and closes, e.g. {\"opens\":\"09:00\",\"closes\":\"18:00\"}"));
            return null;
        }
        int before = problems.size();
        Integer opens = time(hours.opens(), field + ".opens", true, problems);
        Integer closes = time(hours.closes(), field + ".closes", true, problems);
        Integer breakStarts = time(hours.breakStarts(), field + ".breakStarts", false, problems);
        Integer breakEnds = time(hours.breakEnds(), field + ".breakEnds", false, problems);
        if (problems.size() > before) {
            return null;
        }
        if (opens >= closes) {
            problems.add(new FieldProblem(field + ".closes", "after opens"));
            return null;
        }
        if ((breakStarts == null) != (breakEnds == null)) {
            problems.add(new FieldProblem(field + (breakStarts == null ? ".breakStarts" : ".breakEnds"),
                    "a break has both a start and an end"));
            return null;
        }
        if (breakStarts != null && (breakStarts <= opens || breakEnds >= closes || breakStarts >= breakEnds)) {
            problems.add(new FieldProblem(field + ".breakStarts",
                    "the break lies inside the working hours and ends after it starts"));
            return null;
        }
        return new DayHours(opens, closes, breakStarts, breakEnds);
    }

    private static Integer time(String value, String field, boolean required, List<FieldProblem> problems) {
        if (value == null) {
            if (required) {
                problems.add(new FieldProblem(field, "required, HH:mm"));
            }
            return null;
        }
        try {
            return DayHours.minutes(value);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "a time of day HH:mm, 00:00 to 24:00"));
            return null;
        }
    }

    private static Set<LocalDate> days(String field, List<LocalDate> days, Set<Integer> years,
                                       List<FieldProblem> problems) {
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            String at = field + "[" + i + "]";
            if (day == null) {
                problems.add(new FieldProblem(at, "a date yyyy-MM-dd"));
            } else if (!years.contains(day.getYear())) {
                problems.add(new FieldProblem(at, "lies in a year not listed in years"));
            } else if (!seen.add(day)) {
                problems.add(new FieldProblem(at, "listed twice"));
            }
        }
        return seen;
    }

    private CalendarRules() {
    }
}
