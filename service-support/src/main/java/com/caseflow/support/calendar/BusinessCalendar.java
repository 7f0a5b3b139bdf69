package com.caseflow.support.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * Working time of a department: working hours on working days, in one time zone. Public holidays are days off even
 * on a weekday; make-up working days (调休上班) are working days even on a weekend. Deadlines are counted in this
 * time only: four business hours from Friday 17:00 end on Monday mid-morning.
 */
public final class BusinessCalendar {

    private final ZoneId zone;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Set<DayOfWeek> workingDays;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkingDays;

    public BusinessCalendar(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> workingDays,
                            Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("a working day must open before it closes");
        }
        if (workingDays.isEmpty() && makeUpWorkingDays.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs working days");
        }
        this.zone = Objects.requireNonNull(zone);
        this.opens = opens;
        this.closes = closes;
        this.workingDays = Set.copyOf(workingDays);
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkingDays.contains(day)) {
            return true;
        }
        return !holidays.contains(day) && workingDays.contains(day.getDayOfWeek());
    }

    /** The instant that lies the given amount of working time after {@code start}. */
    public Instant plus(Instant start, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative");
        }
        ZonedDateTime cursor = start.atZone(zone);
        Duration left = workingTime;
        // bounded: a calendar with working days reaches one within a year and a half of holidays at most
        for (int guard = 0; guard < 100_000; guard++) {
            LocalDate day = cursor.toLocalDate();
            if (isWorkingDay(day)) {
                ZonedDateTime dayOpens = day.atTime(opens).atZone(zone);
                ZonedDateTime dayCloses = day.atTime(closes).atZone(zone);
                ZonedDateTime from = cursor.isBefore(dayOpens) ? dayOpens : cursor;
                if (from.isBefore(dayCloses)) {
                    Duration available = Duration.between(from, dayCloses);
                    if (left.compareTo(available) <= 0) {
                        return from.plus(left).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            cursor = day.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("no working time found: check the calendar's working days");
    }

    /** Working time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant dayOpens = day.atTime(opens).atZone(zone).toInstant();
            Instant dayCloses = day.atTime(closes).atZone(zone).toInstant();
            Instant start = from.isAfter(dayOpens) ? from : dayOpens;
            Instant end = to.isBefore(dayCloses) ? to : dayCloses;
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    public ZoneId zone() {
        return zone;
    }
}
