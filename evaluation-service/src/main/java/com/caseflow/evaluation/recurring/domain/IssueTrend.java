package com.caseflow.evaluation.recurring.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * An issue's weekly volume around an improvement proposal: the contacts of its project × category per ISO week
 * (Monday to Sunday, business days in Asia/Shanghai), for the weeks before the proposal was recorded and each week
 * since, and whether the volume fell.
 *
 * <p>The week the proposal was recorded in is shown but counts on neither side, being partly before and partly after;
 * the week under way is shown but not averaged until it is over, so a half-counted week never looks like a fall.
 *
 * @param beforeAverage contacts per week over the weeks before
 * @param afterAverage  contacts per week over the complete weeks after the recording week; null until there is one
 * @param fell          whether {@code afterAverage} is below {@code beforeAverage}; null until there is an average
 */
public record IssueTrend(List<Week> weeks, double beforeAverage, Double afterAverage, Boolean fell) {

    public enum Phase {
        /** a week before the one the proposal was recorded in */
        BEFORE,
        /** the week the proposal was recorded in */
        RECORDED,
        /** a week after it */
        AFTER
    }

    /**
     * @param week     ISO week, e.g. {@code 2026-W48}
     * @param complete false for the week under way
     */
    public record Week(String week, LocalDate from, LocalDate to, long contacts, Phase phase, boolean complete) {
    }

    /** The first day whose contacts a trend reads. */
    public static LocalDate firstDay(LocalDate recordedOn, int weeksBefore) {
        return mondayOf(recordedOn).minusWeeks(weeksBefore);
    }

    /** The last day whose contacts a trend reads. */
    public static LocalDate lastDay(LocalDate recordedOn, LocalDate today, int weeksSince) {
        LocalDate end = mondayOf(recordedOn).plusWeeks(weeksSince).minusDays(1);
        return end.isAfter(today) ? today : end;
    }

    /**
     * @param recordedOn  the day the proposal was recorded
     * @param today       today; no week after it is shown
     * @param weeksBefore weeks before the recording week
     * @param weeksSince  weeks shown from the recording week on, at most
     * @param contactsOn  the issue's contacts of a day
     */
    public static IssueTrend of(LocalDate recordedOn, LocalDate today, int weeksBefore, int weeksSince,
                                Function<LocalDate, Long> contactsOn) {
        LocalDate recordedWeek = mondayOf(recordedOn);
        List<Week> weeks = new ArrayList<>();
        long before = 0;
        for (int i = weeksBefore; i >= 1; i--) {
            Week w = week(recordedWeek.minusWeeks(i), Phase.BEFORE, today, contactsOn);
            weeks.add(w);
            before += w.contacts();
        }
        long after = 0;
        int afterWeeks = 0;
        for (int i = 0; i < weeksSince; i++) {
            LocalDate monday = recordedWeek.plusWeeks(i);
            if (monday.isAfter(today)) {
                break;
            }
            Week w = week(monday, i == 0 ? Phase.RECORDED : Phase.AFTER, today, contactsOn);
            weeks.add(w);
            if (w.phase() == Phase.AFTER && w.complete()) {
                after += w.contacts();
                afterWeeks++;
            }
        }
        double beforeAverage = weeksBefore == 0 ? 0 : (double) before / weeksBefore;
        Double afterAverage = afterWeeks == 0 ? null : (double) after / afterWeeks;
        return new IssueTrend(weeks, beforeAverage, afterAverage,
                afterAverage == null ? null : afterAverage < beforeAverage);
    }

    private static Week week(LocalDate monday, Phase phase, LocalDate today, Function<LocalDate, Long> contactsOn) {
        LocalDate sunday = monday.plusDays(6);
        long contacts = 0;
        for (LocalDate d = monday; !d.isAfter(sunday) && !d.isAfter(today); d = d.plusDays(1)) {
            contacts += contactsOn.apply(d);
        }
        String label = monday.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format(Locale.ROOT, "%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new Week(label, monday, sunday, contacts, phase, sunday.isBefore(today));
    }

    private static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
