package com.caseflow.console.web;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Times as people at the centre read them: Shanghai time, the date only when it is not today. Used in templates. */
@Component("times")
public class Times {

    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Clock clock;

    Times(Clock clock) {
        this.clock = clock;
    }

    public String local(Object value) {
        Instant at = instant(value);
        if (at == null) {
            return "";
        }
        ZonedDateTime time = at.atZone(WebConfiguration.BUSINESS_ZONE);
        LocalDate today = LocalDate.now(clock.withZone(WebConfiguration.BUSINESS_ZONE));
        if (time.toLocalDate().equals(today)) {
            return TODAY.format(time);
        }
        return (time.getYear() == today.getYear() ? OTHER_DAY : OTHER_YEAR).format(time);
    }

    /** To the second, Shanghai time: ring and answer times, where seconds are what counts. */
    public String clock(Object value) {
        Instant at = instant(value);
        return at == null ? "" : SECONDS.format(at.atZone(WebConfiguration.BUSINESS_ZONE));
    }

    /** ISO-8601 with offset, for the countdowns the page runs. */
    public String iso(Object value) {
        Instant at = instant(value);
        return at == null ? "" : at.toString();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                try {
                    return java.time.OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException ignored) {
                    return null;
                }
            }
        }
        return null;
    }
}
