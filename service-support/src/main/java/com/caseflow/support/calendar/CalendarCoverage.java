package com.caseflow.support.calendar;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says when a calendar in use runs out of entered holidays: health component {@code calendarCoverage} turns
 * {@code WARNING} (not DOWN — deadlines are still counted, by weekdays) when any covers fewer than the warning's days
 * ahead, and the gauge {@code caseflow.calendar.covered.days} gives each one's days left (+Inf for one that never runs
 * out). Each year's notice comes out in November: entered then, the warning never shows.
 */
public class CalendarCoverage implements HealthIndicator {

    public static final Status WARNING = new Status("WARNING", "a calendar in use runs out soon");

    private final Calendars calendars;
    private final Clock clock;
    private final int warnDays;
    private final MeterRegistry meters;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();

    public CalendarCoverage(Calendars calendars, Clock clock, int warnDays, MeterRegistry meters) {
        this.calendars = calendars;
        this.clock = clock;
        this.warnDays = warnDays;
        this.meters = meters;
    }

    /** Days from today whose holidays are known, today included; +Inf for a calendar that never runs out. */
    public double coveredDays(String calendarId) {
        LocalDate today = LocalDate.now(clock);
        return calendars.find(calendarId).flatMap(c -> c.coveredUntil(today))
                .map(until -> (double) ChronoUnit.DAYS.between(today, until) + 1)
                .orElse(calendars.find(calendarId).isPresent() ? Double.POSITIVE_INFINITY : 0);
    }

    @Override
    public Health health() {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> details = new LinkedHashMap<>();
        boolean warn = false;
        for (BusinessCalendar calendar : calendars.inUse()) {
            track(calendar.id());
            var until = calendar.coveredUntil(today);
            if (until.isEmpty()) {
                details.put(calendar.id(), "never runs out");
                continue;
            }
            long days = ChronoUnit.DAYS.between(today, until.get()) + 1;
            boolean short_ = days < warnDays;
            warn |= short_;
            details.put(calendar.id(), short_
                    ? "holidays known until " + until.get() + " (" + Math.max(days, 0) + " days): enter the next "
                            + "year's State Council notice"
                    : "holidays known until " + until.get());
        }
        return Health.status(warn ? WARNING : Status.UP).withDetails(details).build();
    }

    /** Gives the calendar its gauge, once. */
    public void track(String calendarId) {
        if (gauged.add(calendarId)) {
            Gauge.builder("caseflow.calendar.covered.days", () -> coveredDays(calendarId))
                    .description("days ahead whose public holidays the calendar knows (+Inf: it has none)")
                    .tag("calendar", calendarId)
                    .register(meters);
        }
    }
}
