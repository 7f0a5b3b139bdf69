package com.caseflow.support.calendar;

import com.caseflow.support.problem.FieldProblem;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarRulesTests {

    private static final CalendarRules.Hours OFFICE = new CalendarRules.Hours("09:00", "18:00", "12:00", "13:00");

    private static Map<DayOfWeek, CalendarRules.Hours> weekdays() {
        Map<DayOfWeek, CalendarRules.Hours> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            days.put(day, OFFICE);
        }
        return days;
    }

    private static List<String> fields(CalendarRules.Checked checked) {
        return checked.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void whenA2027ArrangementIsEnteredCorrectlyThenItIsACalendar() {
        CalendarRules.Checked checked = CalendarRules.check(new CalendarRules.Draft("CN-OFFICE", "办公", null,
                weekdays(), null, true, List.of(2026, 2027), List.of(LocalDate.of(2027, 1, 1)),
                List.of(LocalDate.of(2027, 1, 2))), 3);

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.calendar().version()).isEqualTo(3);
        assertThat(checked.calendar().isWorkingDay(LocalDate.of(2027, 1, 2))).isTrue();
        assertThat(checked.calendar().makeUpDayHours().breakStarts()).isEqualTo(12 * 60);
    }

    @Test
    void whenEverythingIsWrongThenEveryBadFieldIsNamed() {
        Map<DayOfWeek, CalendarRules.Hours> days = weekdays();
        days.put(DayOfWeek.SATURDAY, new CalendarRules.Hours("18:00", "09:00", null, null));
        days.put(DayOfWeek.SUNDAY, new CalendarRules.Hours("09:00", "18:00", "12:00", null));
        CalendarRules.Checked checked = CalendarRules.check(new CalendarRules.Draft("cn office", " ", "Mars/Base",
                days, null, true, List.of(2026, 2026, 1999),
                List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 1)),
                List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 9, 21))), 1);

        assertThat(checked.calendar()).isNull();
        assertThat(fields(checked)).containsExactlyInAnyOrder("id", "name", "zone", "weekdays.SATURDAY.closes",
                "weekdays.SUNDAY.breakEnds", "years[1]", "years[2]", "holidays[1]", "holidays[2]",
                "makeUpWorkingDays[0]", "makeUpWorkingDays[1]");
        assertThat(checked.problems()).filteredOn(p -> p.field().equals("makeUpWorkingDays[1]"))
                .extracting(FieldProblem::message).singleElement().asString().contains("weekend");
        assertThat(checked.problems()).filteredOn(p -> p.field().equals("makeUpWorkingDays[0]"))
                .extracting(FieldProblem::message).singleElement().asString().contains("also a holiday");
    }

    @Test
    void whenACalendarWorksOnHolidaysThenItHasNoneAndNeverRunsOut() {
        CalendarRules.Checked refused = CalendarRules.check(new CalendarRules.Draft("HOTLINE", "热线", null,
                weekdays(), null, false, List.of(2026), List.of(LocalDate.of(2026, 10, 1)), List.of()), 1);
        assertThat(fields(refused)).containsExactlyInAnyOrder("years", "holidays");

        CalendarRules.Checked hotline = CalendarRules.check(new CalendarRules.Draft("HOTLINE", "热线", null,
                weekdays(), null, false, null, null, null), 1);
        assertThat(hotline.calendar().coveredUntil(LocalDate.of(2030, 1, 1))).isEmpty();
    }

    @Test
    void whenNoDayHasWorkingHoursThenTheCalendarIsRefused() {
        CalendarRules.Checked checked = CalendarRules.check(new CalendarRules.Draft("NONE", "无", null, Map.of(), null,
                true, List.of(2026), List.of(), List.of()), 1);
        assertThat(fields(checked)).containsExactly("weekdays");
    }
}
