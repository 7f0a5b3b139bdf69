package com.caseflow.followup.worktime;

import com.caseflow.followup.timers.domain.WorkingTime;
import com.caseflow.support.calendar.BusinessCalendar;
import com.caseflow.support.calendar.Calendars;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * The working time a case's deadlines are counted in: the calendar their event names, from this service's copy of
 * routing's calendars. Deadlines from before calendars were named were counted in the office calendar.
 */
@Component
public class WorkingTimes {

    private final Calendars calendars;
    private final String legacyCalendar;

    WorkingTimes(Calendars calendars, @Value("${caseflow.followup.timers.legacy-calendar:CN-OFFICE}") String legacyCalendar) {
        this.calendars = calendars;
        this.legacyCalendar = legacyCalendar;
    }

    /** @throws com.caseflow.support.calendar.UnknownCalendarException while the calendar has not arrived */
    public WorkingTime of(String calendarId) {
        BusinessCalendar calendar = calendars.get(calendarId == null ? legacyCalendar : calendarId);
        return new WorkingTime() {
            @Override
            public Instant plus(Instant start, Duration workingTime) {
                return calendar.plus(start, workingTime);
            }

            @Override
            public Duration between(Instant from, Instant to) {
                return calendar.between(from, to);
            }
        };
    }

    /** The working time of a department, for work it does itself (customer service's callbacks). */
    public WorkingTime ofDepartment(String departmentCode) {
        return of(calendars.ofDepartment(departmentCode).map(BusinessCalendar::id).orElseThrow(() ->
                new com.caseflow.support.calendar.UnknownCalendarException("of department " + departmentCode)));
    }
}
