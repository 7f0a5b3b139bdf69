package com.caseflow.support.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Working time of a department: working hours per day of the week (with an optional break), in one time zone. Public
 * holidays are days off even on a working weekday; make-up working days (调休上班) are working days even on a weekend.
 * Deadlines are counted in this time only: four business hours from Friday 17:00 end on Monday mid-morning.
 * <p>
 * Holidays are known for the years whose official arrangement was entered ({@link #years()}); beyond them the calendar
 * has <em>run out</em>: it still counts, by the weekdays alone, and says so through {@link #coveredUntil()} — every
 * service shows it in health long before it happens. A calendar that does not observe public holidays (a hotline, a
 * 24×7 duty line) never runs out.
 */
public final class BusinessCalendar {

    /** The built-in calendar that never closes: every service knows it without being told. */
    public static final String ALWAYS_OPEN_ID = "24X7";

    private final String id;
    private final String name;
    private final long version;
    private final ZoneId zone;
    private final Map<DayOfWeek, DayHours> weekdays;
    private final DayHours makeUpDayHours;
    private final boolean observesPublicHolidays;
    private final SortedSet<Integer> years;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkingDays;

    public BusinessCalendar(String id, String name, long version, ZoneId zone, Map<DayOfWeek, DayHours> weekdays,
                            DayHours makeUpDayHours, boolean observesPublicHolidays, Set<Integer> years,
                            Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = name;
        this.version = version;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.weekdays = weekdays.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(weekdays));
        this.observesPublicHolidays = observesPublicHolidays;
        this.years = new TreeSet<>(observesPublicHolidays ? years : Set.of());
        this.holidays = observesPublicHolidays ? Set.copyOf(holidays) : Set.of();
        this.makeUpWorkingDays = observesPublicHolidays ? Set.copyOf(makeUpWorkingDays) : Set.of();
        this.makeUpDayHours = makeUpDayHours != null ? makeUpDayHours : firstWorkingHours(this.weekdays);
        if (this.weekdays.isEmpty() && this.makeUpWorkingDays.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs working days");
        }
        if (!this.makeUpWorkingDays.isEmpty() && this.makeUpDayHours == null) {
            throw new IllegalArgumentException("make-up working days need their hours");
        }
    }

    /** Open every minute of every day, holidays included: URGENT cases are timed on it by default. */
    public static BusinessCalendar alwaysOpen(ZoneId zone) {
        Map<DayOfWeek, DayHours> everyDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            everyDay.put(day, DayHours.ALL_DAY);
        }
        return new BusinessCalendar(ALWAYS_OPEN_ID, "全天候 24×7", 1, zone, everyDay, DayHours.ALL_DAY, false,
                Set.of(), Set.of(), Set.of());
    }

    private static DayHours firstWorkingHours(Map<DayOfWeek, DayHours> weekdays) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (weekdays.containsKey(day)) {
                return weekdays.get(day);
            }
        }
        return null;
    }

    public boolean isWorkingDay(LocalDate day) {
        return hoursOn(day) != null;
    }

    /** The working hours of a day, null for a day off. */
    public DayHours hoursOn(LocalDate day) {
        if (makeUpWorkingDays.contains(day)) {
            return makeUpDayHours;
        }
        return holidays.contains(day) ? null : weekdays.get(day.getDayOfWeek());
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
            DayHours hours = hoursOn(day);
            if (hours != null) {
                for (int[] period : hours.periods()) {
                    ZonedDateTime opens = at(day, period[0]);
                    ZonedDateTime closes = at(day, period[1]);
                    ZonedDateTime from = cursor.isBefore(opens) ? opens : cursor;
                    if (from.isBefore(closes)) {
                        Duration available = Duration.between(from, closes);
                        if (left.compareTo(available) <= 0) {
                            return from.plus(left).toInstant();
                        }
                        left = left.minus(available);
                    }
                }
            }
            cursor = day.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("no working time found in calendar " + id);
    }

    /** Working time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            DayHours hours = hoursOn(day);
            if (hours == null) {
                continue;
            }
            for (int[] period : hours.periods()) {
                Instant opens = at(day, period[0]).toInstant();
                Instant closes = at(day, period[1]).toInstant();
                Instant start = from.isAfter(opens) ? from : opens;
                Instant end = to.isBefore(closes) ? to : closes;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    private ZonedDateTime at(LocalDate day, int minutes) {
        return minutes == DayHours.MIDNIGHT ? day.plusDays(1).atStartOfDay(zone)
                : day.atStartOfDay(zone).plusMinutes(minutes);
    }

    /** Whether the holidays of this day's year are known (always, for a calendar without public holidays). */
    public boolean covers(LocalDate day) {
        return !observesPublicHolidays || years.contains(day.getYear());
    }

    /**
     * The last day whose holidays are known, counting on from {@code today} through consecutive entered years;
     * empty when the calendar never runs out. The day before {@code today} when today's year is not entered.
     */
    public Optional<LocalDate> coveredUntil(LocalDate today) {
        if (!observesPublicHolidays) {
            return Optional.empty();
        }
        int year = today.getYear();
        if (!years.contains(year)) {
            return Optional.of(today.minusDays(1));
        }
        while (years.contains(year + 1)) {
            year++;
        }
        return Optional.of(LocalDate.of(year, 12, 31));
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long version() {
        return version;
    }

    public ZoneId zone() {
        return zone;
    }

    public Map<DayOfWeek, DayHours> weekdays() {
        return weekdays;
    }

    public DayHours makeUpDayHours() {
        return makeUpDayHours;
    }

    public boolean observesPublicHolidays() {
        return observesPublicHolidays;
    }

    public SortedSet<Integer> years() {
        return java.util.Collections.unmodifiableSortedSet(years);
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    public Set<LocalDate> makeUpWorkingDays() {
        return makeUpWorkingDays;
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + id + " v" + version + "]";
    }
}
