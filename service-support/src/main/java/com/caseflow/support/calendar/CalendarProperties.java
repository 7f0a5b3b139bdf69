package com.caseflow.support.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The business calendar as configured under {@code caseflow.calendar}: each year's holiday notice (published in
 * November) is added here, not in code.
 */
@ConfigurationProperties("caseflow.calendar")
public record CalendarProperties(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> workingDays,
                                 List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays) {

    public CalendarProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        opens = opens == null ? LocalTime.of(9, 0) : opens;
        closes = closes == null ? LocalTime.of(18, 0) : closes;
        workingDays = workingDays == null || workingDays.isEmpty()
                ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY) : workingDays;
        holidays = holidays == null ? List.of() : holidays;
        makeUpWorkingDays = makeUpWorkingDays == null ? List.of() : makeUpWorkingDays;
    }

    public BusinessCalendar calendar() {
        return new BusinessCalendar(zone, opens, closes, workingDays, Set.copyOf(holidays),
                Set.copyOf(makeUpWorkingDays));
    }
}
