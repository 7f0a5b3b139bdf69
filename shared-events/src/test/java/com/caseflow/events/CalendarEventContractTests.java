package com.caseflow.events;

import com.caseflow.events.calendar.CalendarPublished;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarEventContractTests {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void whenTheCalendarSampleIsReadThenEveryFieldSurvivesARoundTripUnderItsStableTypeName() throws IOException {
        String json = sample();
        JavaType type = mapper.getTypeFactory().constructParametricType(EventEnvelope.class, CalendarPublished.class);
        EventEnvelope<CalendarPublished> envelope = mapper.readValue(json, type);

        CalendarPublished calendar = envelope.data();
        assertThat(EventTypes.nameOf(calendar)).isEqualTo(EventTypes.CALENDAR_PUBLISHED).isEqualTo(envelope.type());
        assertThat(envelope.key()).isEqualTo(calendar.calendarId());
        assertThat(calendar.weekdays()).containsOnlyKeys(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(calendar.weekdays().get(DayOfWeek.MONDAY).breakStarts()).isEqualTo("12:00");
        assertThat(calendar.holidays()).contains(LocalDate.of(2026, 10, 1));
        assertThat(calendar.makeUpWorkingDays()).contains(LocalDate.of(2026, 10, 10));
        assertThat(calendar.years()).containsExactly(2026);
        assertThat(mapper.readTree(mapper.writeValueAsString(envelope))).isEqualTo(mapper.readTree(json));
    }

    @Test
    void whenTheCalendarTopicIsListedThenItIsCompactedAndAmongAllTopics() {
        assertThat(Topics.ALL).contains(Topics.CALENDARS);
        assertThat(Topics.COMPACTED).containsExactly(Topics.CALENDARS);
    }

    private static String sample() throws IOException {
        try (InputStream in = CalendarEventContractTests.class.getResourceAsStream("/events/calendar-published.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
