package com.caseflow.support.calendar;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCalendarTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** 09:00–18:00 Monday to Friday; National Day 2026 (Oct 1–7 off, Sun Sep 20 and Sat Oct 10 worked). */
    private final BusinessCalendar calendar = new BusinessCalendar(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3),
                    LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6),
                    LocalDate.of(2026, 10, 7)),
            Set.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10)));

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
}
