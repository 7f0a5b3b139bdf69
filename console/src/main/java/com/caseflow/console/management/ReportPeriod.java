package com.caseflow.console.management;

import java.time.Clock;
import java.time.LocalDate;

/** The period a manager's page covers: as chosen, or this month up to today (Asia/Shanghai). */
public record ReportPeriod(LocalDate from, LocalDate to) {

    static ReportPeriod of(LocalDate from, LocalDate to, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        return new ReportPeriod(start, end);
    }
}
