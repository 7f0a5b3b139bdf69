package com.caseflow.routing.onduty.application;

import com.caseflow.routing.departments.application.DepartmentRegistry;
import com.caseflow.routing.departments.domain.Department;
import com.caseflow.support.calendar.CalendarCoverage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Health component {@code onDutyRosters}: {@code WARNING} when a department that keeps an on-duty roster has nobody on
 * duty for some stretch of the coming days — an URGENT case then reaches only its head, by day or night.
 */
@Component("onDutyRostersHealthIndicator")
class RosterCoverage implements HealthIndicator {

    private final OnDutyRosters rosters;
    private final DepartmentRegistry departments;
    private final Duration horizon;
    private final ZoneId zone;

    RosterCoverage(OnDutyRosters rosters, DepartmentRegistry departments,
                   @Value("${caseflow.routing.on-duty.warn-days:7}") int warnDays,
                   @Value("${caseflow.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.rosters = rosters;
        this.departments = departments;
        this.horizon = Duration.ofDays(warnDays);
        this.zone = zone;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean warn = false;
        for (Department department : departments.all()) {
            if (!department.active() || !department.onDutyRoster()) {
                continue;
            }
            Optional<Instant[]> gap = rosters.firstGap(department.code(), horizon);
            warn |= gap.isPresent();
            details.put(department.code(), gap.map(g -> "nobody on duty from " + g[0].atZone(zone).toOffsetDateTime()
                    + " to " + g[1].atZone(zone).toOffsetDateTime()).orElse("covered for " + horizon.toDays()
                    + " days"));
        }
        return Health.status(warn ? CalendarCoverage.WARNING : Status.UP).withDetails(details).build();
    }
}
