package com.caseflow.support.calendar;

import java.util.List;
import java.util.Optional;

/** The business calendars a service counts in: routing's own, or the copy another service keeps from the topic. */
public interface Calendars {

    Optional<BusinessCalendar> find(String calendarId);

    /** @throws UnknownCalendarException when the calendar has not been received */
    default BusinessCalendar get(String calendarId) {
        return find(calendarId).orElseThrow(() -> new UnknownCalendarException(calendarId));
    }

    /** The calendar a department times its cases in, when one names it. */
    Optional<BusinessCalendar> ofDepartment(String departmentCode);

    /** The calendars some department times its cases in: these must not run out. */
    List<BusinessCalendar> inUse();
}
