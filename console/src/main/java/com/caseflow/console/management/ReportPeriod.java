package com.caseflow.console.management;

import org.springframework.context.MessageSource;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The period a manager's page covers: as chosen, or this month up to today (Asia/Shanghai). */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** As evaluation's reports: business days, both inclusive, at most this many. */
    static final int MAX_DAYS = 366;

    static ReportPeriod of(LocalDate from, LocalDate to, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        return new ReportPeriod(start, end);
    }

    /** What is wrong with the period, by field, in the user's words; empty when the services would take it. */
    Map<String, String> problems(MessageSource messages, Locale locale) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (to.isBefore(from)) {
            problems.put("to", messages.getMessage("dashboard.error.toBeforeFrom", null, locale));
        } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            problems.put("to", messages.getMessage("dashboard.error.tooLong", new Object[]{MAX_DAYS}, locale));
        }
        return problems;
    }
}
