package com.caseflow.evaluation.reports.web;

import com.caseflow.evaluation.aggregates.application.KpiReports;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** KPI reports for any period of business days (Asia/Shanghai), from and to inclusive. */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    private static final int MAX_DAYS = 366;

    private final KpiReports reports;
    private final StaffRateLimiter rateLimit;

    ReportController(KpiReports reports, StaffRateLimiter rateLimit) {
        this.reports = reports;
        this.rateLimit = rateLimit;
    }

    record Period(LocalDate from, LocalDate to) {
    }

    @GetMapping("/agents/{agentId}")
    KpiReports.AgentReport agent(@PathVariable String agentId, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to, Authentication authentication) {
        Period period = period(from, to);
        return reports.agent(reader(authentication), agentId, period.from(), period.to());
    }

    @GetMapping("/departments/{code}")
    KpiReports.DepartmentReport department(@PathVariable String code, @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           Authentication authentication) {
        Period period = period(from, to);
        return reports.department(reader(authentication), code, period.from(), period.to());
    }

    private static Period period(String from, String to) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate start = date("from", from, problems);
        LocalDate end = date("to", to, problems);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                problems.add(new FieldProblem("to", "must not be before from"));
            } else if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
                problems.add(new FieldProblem("to", "a period covers at most " + MAX_DAYS + " days"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Period(start, end);
    }

    private static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "required: a date such as 2026-11-01"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "a date such as 2026-11-01"));
            return null;
        }
    }

    private Staff reader(Authentication authentication) {
        Staff staff = Staff.of(authentication);
        rateLimit.acquireRead(staff);
        return staff;
    }
}
