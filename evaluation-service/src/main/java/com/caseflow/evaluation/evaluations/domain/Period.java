package com.caseflow.evaluation.evaluations.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** A span of business days, both ends included, and the span just before it that a report compares with. */
public record Period(LocalDate from, LocalDate to) {

    public enum Type { WEEK, MONTH }

    public static Period week(LocalDate monday) {
        return new Period(monday, monday.plusDays(6));
    }

    public static Period month(LocalDate first) {
        return new Period(first, first.with(TemporalAdjusters.lastDayOfMonth()));
    }

    public static Period of(Type type, LocalDate start) {
        return type == Type.WEEK ? week(start) : month(start);
    }

    /** Whether {@code start} begins a period of this type: a Monday, or the first of a month. */
    public static boolean starts(Type type, LocalDate start) {
        return type == Type.WEEK ? start.getDayOfWeek() == DayOfWeek.MONDAY : start.getDayOfMonth() == 1;
    }

    /** The calendar month before a whole month; otherwise as many days just before. */
    public Period previous() {
        if (from.getDayOfMonth() == 1 && to.equals(from.with(TemporalAdjusters.lastDayOfMonth()))) {
            return month(from.minusMonths(1));
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new Period(from.minusDays(days), from.minusDays(1));
    }
}
