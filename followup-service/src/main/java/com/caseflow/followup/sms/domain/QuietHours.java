package com.caseflow.followup.sms.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The hours in which customers get no texts (21:00–08:00 in Shanghai), spanning midnight when {@code start} is after
 * {@code end}.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
    }

    /** When the quiet hours {@code at} lies in end; empty when it lies outside them. */
    public Optional<Instant> endOf(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean quiet = start.isAfter(end)
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime endToday = local.with(end);
        return Optional.of((endToday.isAfter(local) ? endToday : local.plusDays(1).with(end)).toInstant());
    }
}
