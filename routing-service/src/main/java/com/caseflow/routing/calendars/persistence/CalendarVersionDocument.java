package com.caseflow.routing.calendars.persistence;

import com.caseflow.events.calendar.CalendarPublished;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Every version a calendar ever had, who made it and when: {@code id} is {@code <calendar>@<version>}. */
@Document("calendar_versions")
public record CalendarVersionDocument(@Id String id, String calendarId, long version, CalendarPublished calendar) {

    public static String idOf(String calendarId, long version) {
        return calendarId + "@" + version;
    }
}
