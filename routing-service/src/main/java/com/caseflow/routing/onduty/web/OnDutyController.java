package com.caseflow.routing.onduty.web;

import com.caseflow.routing.onduty.application.OnDutyRosters;
import com.caseflow.routing.onduty.domain.Shift;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A department's on-duty roster (值班表). Times are ISO-8601, with an offset ({@code 2026-12-04T20:00+08:00}) or
 * without one, read as business time (Asia/Shanghai); answers carry the offset.
 */
@RestController
@RequestMapping("/api/v1/departments/{code}/on-duty")
class OnDutyController {

    private final OnDutyRosters rosters;
    private final StaffRateLimiter rateLimit;
    private final Clock clock;

    OnDutyController(OnDutyRosters rosters, StaffRateLimiter rateLimit, Clock clock) {
        this.rosters = rosters;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    record ShiftRequest(String staffId, String start, String end) {
    }

    /** @param expectedVersion the version last read; a changed roster then answers 409 */
    record RosterRequest(String from, String to, List<ShiftRequest> shifts, Long expectedVersion) {
    }

    record ShiftView(String staffId, OffsetDateTime start, OffsetDateTime end) {
    }

    record GapView(OffsetDateTime from, OffsetDateTime to) {
    }

    record RosterView(String departmentCode, OffsetDateTime from, OffsetDateTime to, List<ShiftView> shifts,
                      List<GapView> gaps, long version, String changedBy, Instant changedAt) {
    }

    record NowView(String departmentCode, OffsetDateTime at, String staffId) {
    }

    /** The roster from {@code from} (default now) for {@code days} (default 7, at most 93). */
    @GetMapping
    RosterView read(@PathVariable String code, @RequestParam(required = false) String from,
                    @RequestParam(defaultValue = "7") int days) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant start = from == null ? clock.instant() : instant("from", from, problems);
        if (days < 1 || days > 93) {
            problems.add(new FieldProblem("days", "1 to 93"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return view(rosters.read(code, start, start.plus(Duration.ofDays(days))), start,
                start.plus(Duration.ofDays(days)));
    }

    @GetMapping("/now")
    NowView now(@PathVariable String code) {
        String staffId = rosters.onDutyNow(code).orElse(null);
        return new NowView(code, clock.instant().atZone(clock.getZone()).toOffsetDateTime(), staffId);
    }

    @PutMapping
    RosterView plan(@PathVariable String code, @RequestBody RosterRequest body, Authentication authentication) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant from = instant("from", body.from(), problems);
        Instant to = instant("to", body.to(), problems);
        List<Shift> shifts = new ArrayList<>();
        if (body.shifts() == null) {
            problems.add(new FieldProblem("shifts", "required (may be empty: nobody on duty in the window)"));
        } else {
            for (int i = 0; i < body.shifts().size(); i++) {
                ShiftRequest shift = body.shifts().get(i);
                if (shift == null) {
                    problems.add(new FieldProblem("shifts[" + i + "]", "must not be null"));
                    continue;
                }
                Instant start = instant("shifts[" + i + "].start", shift.start(), problems);
                Instant end = instant("shifts[" + i + "].end", shift.end(), problems);
                if (start != null && end != null) {
                    shifts.add(new Shift(shift.staffId(), start, end));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Staff staff = Staff.of(authentication);
        rateLimit.acquireWrite(staff);
        return view(rosters.replace(staff, code, from, to, shifts, body.expectedVersion()), from, to);
    }

    private Instant instant(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "required, e.g. 2026-12-04T20:00+08:00"));
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(clock.getZone()).toInstant();
            } catch (DateTimeException e) {
                problems.add(new FieldProblem(field, "a date-time such as 2026-12-04T20:00+08:00"));
                return null;
            }
        }
    }

    private RosterView view(OnDutyRosters.Planned planned, Instant from, Instant to) {
        ZoneId zone = clock.getZone();
        return new RosterView(planned.departmentCode(), from.atZone(zone).toOffsetDateTime(),
                to.atZone(zone).toOffsetDateTime(),
                planned.shifts().stream().map(s -> new ShiftView(s.staffId(), s.start().atZone(zone).toOffsetDateTime(),
                        s.end().atZone(zone).toOffsetDateTime())).toList(),
                planned.gaps().stream().map(g -> new GapView(g[0].atZone(zone).toOffsetDateTime(),
                        g[1].atZone(zone).toOffsetDateTime())).toList(),
                planned.version(), planned.changedBy(), planned.changedAt());
    }
}
