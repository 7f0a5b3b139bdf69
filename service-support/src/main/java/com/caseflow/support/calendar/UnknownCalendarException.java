package com.caseflow.support.calendar;

/**
 * A calendar that this service has not received (yet): the record that needs it is retried, since routing publishes
 * every calendar a department uses, and its copy arrives within moments of a start.
 */
public class UnknownCalendarException extends RuntimeException {

    public UnknownCalendarException(String calendarId) {
        super("calendar " + calendarId + " is not known here (yet)");
    }
}
