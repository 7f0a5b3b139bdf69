package com.caseflow.routing.departments.web;

import com.caseflow.events.cases.Priority;
import com.caseflow.routing.calendars.application.CalendarBook;
import com.caseflow.routing.departments.application.DepartmentRegistry;
import com.caseflow.routing.departments.domain.Department;
import com.caseflow.routing.departments.domain.SlaTarget;
import com.caseflow.routing.departments.persistence.DepartmentDocument;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The department registry: everyone signed in reads it; managers and administrators maintain it. */
@RestController
@RequestMapping("/api/v1/departments")
class DepartmentController {

    private final DepartmentRegistry registry;
    private final CalendarBook calendars;
    private final StaffRateLimiter rateLimit;

    DepartmentController(DepartmentRegistry registry, CalendarBook calendars, StaffRateLimiter rateLimit) {
        this.registry = registry;
        this.calendars = calendars;
        this.rateLimit = rateLimit;
    }

    /**
     * @param calendarId   the department's business calendar; CN-OFFICE when not given
     * @param onDutyRoster whether the department keeps an on-duty roster (值班表) for URGENT cases at any hour
     */
    record DepartmentRequest(String nameZh, String nameEn, String head, Map<Priority, SlaRequest> sla,
                             Boolean active, String calendarId, Boolean onDutyRoster, Long expectedVersion) {
    }

    /** One priority's targets, in minutes or in hours (not both); {@code calendarId} to time it in another calendar. */
    record SlaRequest(Integer firstResponseMinutes, Integer resolutionMinutes, Integer firstResponseHours,
                      Integer resolutionHours, String calendarId) {
    }

    /** @param changedBy who saved this version and {@code changedAt} when; null for departments saved before 2026-12 */
    record DepartmentView(String code, String nameZh, String nameEn, String head, Map<Priority, SlaTarget> sla,
                          boolean active, String calendarId, boolean onDutyRoster, Long version, String changedBy,
                          Instant changedAt) {

        static DepartmentView of(DepartmentDocument d) {
            Department dep = d.department();
            return new DepartmentView(dep.code(), dep.nameZh(), dep.nameEn(), dep.head(), dep.sla(), dep.active(),
                    dep.calendarId(), dep.onDutyRoster(), d.version(), d.changedBy(), d.changedAt());
        }
    }

    /** Every department as stored, with its version and who changed it last and when. */
    @GetMapping
    List<DepartmentView> all() {
        return registry.allStored().stream().map(DepartmentView::of).toList();
    }

    @GetMapping("/{code}")
    DepartmentView one(@PathVariable String code) {
        return registry.findStored(code).map(DepartmentView::of).orElseThrow(() -> new RequestRefusedException(
                HttpStatus.NOT_FOUND, "not-found", "Not found", "no department " + code));
    }

    @PutMapping("/{code}")
    DepartmentView save(@PathVariable String code, @RequestBody DepartmentRequest body,
                        Authentication authentication) {
        // every attempt counts, refused ones too: probing a configuration is as limited as changing it
        Staff staff = Staff.of(authentication);
        rateLimit.acquireWrite(staff);
        List<FieldProblem> problems = new ArrayList<>();
        if (!code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            problems.add(new FieldProblem("code", "2–40 capital letters, digits or '_', e.g. ENGINEERING"));
        }
        requireText(problems, "nameZh", body.nameZh());
        requireText(problems, "nameEn", body.nameEn());
        requireText(problems, "head", body.head());
        String calendarId = body.calendarId() == null ? "CN-OFFICE" : body.calendarId();
        requireCalendar(problems, "calendarId", calendarId);
        Map<Priority, SlaTarget> sla = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            SlaRequest target = body.sla() == null ? null : body.sla().get(priority);
            SlaTarget parsed = target == null ? null : sla(problems, "sla." + priority, target);
            if (target == null) {
                problems.add(new FieldProblem("sla." + priority, "required"));
            } else if (parsed != null) {
                sla.put(priority, parsed);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Department department = new Department(code, body.nameZh().strip(), body.nameEn().strip(),
                body.head().strip(), sla, body.active() == null || body.active(), calendarId,
                Boolean.TRUE.equals(body.onDutyRoster()));
        return DepartmentView.of(registry.save(department, body.expectedVersion(), staff.staffId()));
    }

    private SlaTarget sla(List<FieldProblem> problems, String field, SlaRequest target) {
        boolean minutes = target.firstResponseMinutes() != null || target.resolutionMinutes() != null;
        boolean hours = target.firstResponseHours() != null || target.resolutionHours() != null;
        if (minutes == hours) {
            problems.add(new FieldProblem(field, "firstResponseMinutes and resolutionMinutes, or firstResponseHours "
                    + "and resolutionHours"));
            return null;
        }
        Integer first = minutes ? target.firstResponseMinutes() : times60(target.firstResponseHours());
        Integer resolution = minutes ? target.resolutionMinutes() : times60(target.resolutionHours());
        String unit = minutes ? "Minutes" : "Hours";
        if (first == null || resolution == null) {
            problems.add(new FieldProblem(field + (first == null ? ".firstResponse" : ".resolution") + unit,
                    "required"));
            return null;
        }
        if (target.calendarId() != null && !requireCalendar(problems, field + ".calendarId", target.calendarId())) {
            return null;
        }
        try {
            return new SlaTarget(first, resolution, target.calendarId());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, SlaTarget.MIN_MINUTES + " minutes to " + SlaTarget.MAX_MINUTES / 60
                    + " hours of working time, resolution not before first response"));
            return null;
        }
    }

    private static Integer times60(Integer hours) {
        return hours == null || hours > SlaTarget.MAX_MINUTES / 60 ? (hours == null ? null : Integer.MAX_VALUE)
                : hours * 60;
    }

    private boolean requireCalendar(List<FieldProblem> problems, String field, String calendarId) {
        if (calendars.find(calendarId).isEmpty()) {
            problems.add(new FieldProblem(field, "must name a calendar of GET /api/v1/calendars"));
            return false;
        }
        return true;
    }

    private static void requireText(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "required"));
        } else if (value.length() > 100) {
            problems.add(new FieldProblem(field, "at most 100 characters"));
        }
    }
}
