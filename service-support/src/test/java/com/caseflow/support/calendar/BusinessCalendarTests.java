package com.caseflow.support.calendar;

import com.caseflow.support.testing.TestCalendars;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BusinessCalendarTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** 09:00–18:00 Monday to Friday with 2026's holidays and make-up working days (调休). */
    private final BusinessCalendar calendar = TestCalendars.office();

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void whenTimeIsAddedWithinAWorkingDayThenItEndsTheSameDay() {
        assertThat(calendar.plus(at("2026-11-27T10:00"), Duration.ofHours(4))).isEqualTo(at("2026-11-27T14:00"));
    }

    @Test
    void whenFridayAfternoonPlusFourHoursThenItEndsOnMondayMorning() {
        assertThat(calendar.plus(at("2026-11-27T17:00"), Duration.ofHours(4))).isEqualTo(at("2026-11-30T12:00"));
    }

    @Test
    void whenTheClockStartsAtNightOrOnAWeekendThenItStartsAtTheNextOpening() {
        assertThat(calendar.plus(at("2026-11-25T22:30"), Duration.ofHours(1))).isEqualTo(at("2026-11-26T10:00"));
        assertThat(calendar.plus(at("2026-11-28T11:00"), Duration.ofHours(1))).isEqualTo(at("2026-11-30T10:00"));
    }

    @Test
    void whenAHolidayWeekComesThenItIsSkippedAndTheMakeUpSaturdayCounts() {
        // Wed Sep 30 17:00 + 2 h: 1 h on Sep 30, the holiday week is off, Thu Oct 8 09:00 + 1 h
        assertThat(calendar.plus(at("2026-09-30T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-10-08T10:00"));
        // Fri Oct 9 17:00 + 2 h: Sat Oct 10 is a make-up working day
        assertThat(calendar.plus(at("2026-10-09T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-10-10T10:00"));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();
    }

    @Test
    void whenTheSpringFestivalComesThenNineDaysAreOffAndBothMakeUpSaturdaysAreWorked() {
        // Fri Feb 13 17:00 + 2 h: 1 h on Friday, Sat Feb 14 (调休) 09:00–10:00
        assertThat(calendar.plus(at("2026-02-13T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-02-14T10:00"));
        // Sat Feb 14 17:00 + 2 h: Feb 15–23 off, Tue Feb 24 10:00
        assertThat(calendar.plus(at("2026-02-14T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-02-24T10:00"));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
        // New Year: Sun Jan 4 is worked, Labour Day week: Sat May 9 is worked, Mon May 4 is off
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 9))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 4))).isFalse();
        // Thu Apr 30, then May 1–5 off, Wed–Fri May 6–8 and the make-up Saturday May 9: five days of nine hours
        assertThat(calendar.between(at("2026-04-30T09:00"), at("2026-05-11T09:00"))).isEqualTo(Duration.ofHours(45));
    }

    @Test
    void whenWorkingTimeBetweenTwoInstantsIsMeasuredThenNightsWeekendsAndHolidaysDoNotCount() {
        assertThat(calendar.between(at("2026-11-27T17:00"), at("2026-11-30T12:00"))).isEqualTo(Duration.ofHours(4));
        assertThat(calendar.between(at("2026-09-30T09:00"), at("2026-10-08T18:00"))).isEqualTo(Duration.ofHours(18));
        assertThat(calendar.between(at("2026-11-30T12:00"), at("2026-11-27T17:00"))).isZero();
    }

    @Test
    void whenAddingAndMeasuringThenTheyAgree() {
        Instant start = at("2026-09-29T15:20");
        for (int hours = 1; hours <= 60; hours += 7) {
            Instant end = calendar.plus(start, Duration.ofHours(hours));
            assertThat(calendar.between(start, end)).isEqualTo(Duration.ofHours(hours));
        }
    }

    @Test
    void whenADayHasALunchBreakThenTheBreakDoesNotCount() {
        BusinessCalendar withLunch = new BusinessCalendar("LUNCH", "午休", 1, SHANGHAI, TestCalendars.weekdays(
                DayHours.parse("09:00", "18:00", "12:00", "13:30"), DayOfWeek.MONDAY, DayOfWeek.FRIDAY), null, true,
                Set.of(2026), Set.of(), Set.of());
        // Tue 11:00 + 2 h: 11:00–12:00, break, 13:30–14:30
        assertThat(withLunch.plus(at("2026-12-01T11:00"), Duration.ofHours(2))).isEqualTo(at("2026-12-01T14:30"));
        // a clock started in the break starts after it
        assertThat(withLunch.plus(at("2026-12-01T12:40"), Duration.ofMinutes(15))).isEqualTo(at("2026-12-01T13:45"));
        assertThat(withLunch.between(at("2026-12-01T09:00"), at("2026-12-01T18:00"))).isEqualTo(Duration.ofMinutes(450));
        // exactly at the start of the break the time runs out before it
        assertThat(withLunch.plus(at("2026-12-01T11:00"), Duration.ofHours(1))).isEqualTo(at("2026-12-01T12:00"));
    }

    @Test
    void whenTheCalendarIsAlwaysOpenThenEveryMinuteCountsNightsWeekendsAndHolidaysIncluded() {
        BusinessCalendar always = TestCalendars.alwaysOpen();
        // Friday 18:30 + 15 minutes is Friday 18:45, not Monday
        assertThat(always.plus(at("2026-12-04T18:30"), Duration.ofMinutes(15))).isEqualTo(at("2026-12-04T18:45"));
        assertThat(always.plus(at("2026-10-01T23:50"), Duration.ofMinutes(20))).isEqualTo(at("2026-10-02T00:10"));
        assertThat(always.between(at("2026-12-04T18:30"), at("2026-12-07T18:30"))).isEqualTo(Duration.ofDays(3));
        assertThat(always.coveredUntil(LocalDate.of(2031, 1, 1))).isEmpty();
    }

    @Test
    void whenTheEnteredYearsEndThenTheCalendarSaysItRunsOutButStillCountsTheWeekdays() {
        assertThat(calendar.coveredUntil(LocalDate.of(2026, 12, 4))).contains(LocalDate.of(2026, 12, 31));
        assertThat(calendar.coveredUntil(LocalDate.of(2027, 1, 2))).contains(LocalDate.of(2027, 1, 1));
        assertThat(calendar.covers(LocalDate.of(2027, 1, 1))).isFalse();
        // Jan 1 2027 is a Friday: without the 2027 notice it counts as a working day
        assertThat(calendar.plus(at("2026-12-31T17:00"), Duration.ofHours(2))).isEqualTo(at("2027-01-01T10:00"));

        BusinessCalendar twoYears = new BusinessCalendar("TWO", "两年", 2, SHANGHAI, calendar.weekdays(), null, true,
                Set.of(2026, 2027), Set.of(LocalDate.of(2027, 1, 1)), Set.of());
        assertThat(twoYears.coveredUntil(LocalDate.of(2026, 12, 4))).contains(LocalDate.of(2027, 12, 31));
        assertThat(twoYears.plus(at("2026-12-31T17:00"), Duration.ofHours(2))).isEqualTo(at("2027-01-04T10:00"));
    }

    @Test
    void whenHoursAreWrongThenTheyAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> DayHours.parse("18:00", "09:00", null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> DayHours.parse("09:00", "18:00", "08:00", "10:00"));
        assertThatIllegalArgumentException().isThrownBy(() -> DayHours.parse("09:00", "18:00", "12:00", null));
        assertThatIllegalArgumentException().isThrownBy(() -> DayHours.parse("9:00", "18:00", null, null));
        assertThat(DayHours.parse("00:00", "24:00", null, null).workingMinutes()).isEqualTo(24 * 60);
    }
}
