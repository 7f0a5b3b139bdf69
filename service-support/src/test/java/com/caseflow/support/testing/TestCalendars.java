package com.caseflow.support.testing;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.calendar.CalendarPublished;
import com.caseflow.support.calendar.BusinessCalendar;
import com.caseflow.support.calendar.CalendarWire;
import com.caseflow.support.calendar.DayHours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The calendars routing seeds, for tests of the services that count in them: the office calendar with 2026's
 * official holidays and make-up days (State Council notice of 2025-11-04), the hotline's and the built-in 24×7.
 */
public final class TestCalendars {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final String OFFICE = "CN-OFFICE";
    public static final String HOTLINE = "HOTLINE";

    public static final List<LocalDate> HOLIDAYS_2026 = Stream.of(
                    range("2026-01-01", "2026-01-03"), range("2026-02-15", "2026-02-23"),
                    range("2026-04-04", "2026-04-06"), range("2026-05-01", "2026-05-05"),
                    range("2026-06-19", "2026-06-21"), range("2026-09-25", "2026-09-27"),
                    range("2026-10-01", "2026-10-07"))
            .flatMap(List::stream).toList();
    public static final List<LocalDate> MAKE_UP_DAYS_2026 = Stream.of("2026-01-04", "2026-02-14", "2026-02-28",
            "2026-05-09", "2026-09-20", "2026-10-10").map(LocalDate::parse).toList();

    /** Monday to Friday 09:00–18:00 with 2026's holidays and make-up days (调休). */
    public static BusinessCalendar office() {
        return new BusinessCalendar(OFFICE, "办公日历", 1, SHANGHAI, weekdays(DayHours.parse("09:00", "18:00", null,
                null), DayOfWeek.MONDAY, DayOfWeek.FRIDAY), null, true, Set.of(2026), new HashSet<>(HOLIDAYS_2026),
                new HashSet<>(MAKE_UP_DAYS_2026));
    }

    /** Every day 08:00–20:00, holidays included. */
    public static BusinessCalendar hotline() {
        return new BusinessCalendar(HOTLINE, "客服热线", 1, SHANGHAI, weekdays(DayHours.parse("08:00", "20:00", null,
                null), DayOfWeek.MONDAY, DayOfWeek.SUNDAY), null, false, Set.of(), Set.of(), Set.of());
    }

    public static BusinessCalendar alwaysOpen() {
        return BusinessCalendar.alwaysOpen(SHANGHAI);
    }

    /** The calendar as routing publishes it, used by {@code departments}, at {@code revision}. */
    public static CalendarPublished published(BusinessCalendar calendar, long revision, String... departments) {
        return new CalendarPublished(calendar.id(), revision, calendar.version(), calendar.name(),
                calendar.zone().getId(), CalendarWire.wire(calendar.weekdays()),
                calendar.makeUpDayHours() == null ? null : CalendarWire.wire(calendar.makeUpDayHours()),
                calendar.observesPublicHolidays(), List.copyOf(calendar.years()),
                calendar.holidays().stream().sorted().toList(), calendar.makeUpWorkingDays().stream().sorted().toList(),
                "test", List.of(departments), "test", java.time.Instant.parse("2026-11-04T00:00:00Z"));
    }

    /**
     * Publishes the three calendars as routing's demo departments use them, the way routing does: customer service
     * on the hotline's, property management on 24×7, the others on the office calendar.
     */
    public static void publishDemo(EventLog log) {
        publish(log, published(office(), 1, "ENGINEERING", "FINANCE", "HANDOVER", "LEGAL", "SALES", "TITLE"));
        publish(log, published(hotline(), 1, "CUSTOMER_SERVICE"));
        publish(log, published(alwaysOpen(), 1, "CUSTOMER_SERVICE", "ENGINEERING", "FINANCE", "HANDOVER", "LEGAL",
                "PROPERTY_MANAGEMENT", "SALES", "TITLE"));
    }

    public static void publish(EventLog log, CalendarPublished calendar) {
        log.publish(Topics.CALENDARS, new EventEnvelope<>(UUID.randomUUID().toString(), EventTypes.CALENDAR_PUBLISHED,
                CalendarPublished.SCHEMA_VERSION, calendar.changedAt(), calendar.calendarId(), calendar.calendarId(),
                calendar));
    }

    public static Map<DayOfWeek, DayHours> weekdays(DayHours hours, DayOfWeek first, DayOfWeek last) {
        Map<DayOfWeek, DayHours> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day = first; ; day = day.plus(1)) {
            days.put(day, hours);
            if (day == last) {
                return days;
            }
        }
    }

    private static List<LocalDate> range(String from, String to) {
        return LocalDate.parse(from).datesUntil(LocalDate.parse(to).plusDays(1)).toList();
    }

    private TestCalendars() {
    }
}
