package com.caseflow.evaluation.reports.web;

import com.caseflow.evaluation.access.Access;
import com.caseflow.evaluation.aggregates.application.KpiReports;
import com.caseflow.evaluation.aggregates.domain.AgentDay;
import com.caseflow.evaluation.aggregates.domain.DepartmentDay;
import com.caseflow.evaluation.aggregates.domain.Kpis;
import com.caseflow.evaluation.evaluations.application.Scoreboard;
import com.caseflow.evaluation.evaluations.domain.Period;
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
import java.util.Optional;
import java.util.Set;

/** KPI reports and rankings for any period of business days (Asia/Shanghai), from and to inclusive. */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    private static final int MAX_DAYS = 366;

    private final KpiReports reports;
    private final Scoreboard scoreboard;
    private final Access access;
    private final StaffRateLimiter rateLimit;

    ReportController(KpiReports reports, Scoreboard scoreboard, Access access, StaffRateLimiter rateLimit) {
        this.reports = reports;
        this.scoreboard = scoreboard;
        this.access = access;
        this.rateLimit = rateLimit;
    }

    /** An agent's KPIs and counters, with their score, rank company-wide and change against the period before. */
    record AgentReport(String agentId, LocalDate from, LocalDate to, Kpis.AgentKpis kpis, AgentDay counters,
                       Scoreboard.Standing standing) {
    }

    record DepartmentReport(String departmentCode, LocalDate from, LocalDate to, Kpis.DepartmentKpis kpis,
                            DepartmentDay counters, Scoreboard.Standing standing) {
    }

    @GetMapping("/agents/{agentId}")
    AgentReport agent(@PathVariable String agentId, @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to, Authentication authentication) {
        Period period = period(from, to);
        KpiReports.AgentReport report = reports.agent(reader(authentication), agentId, period.from(), period.to());
        return new AgentReport(agentId, period.from(), period.to(), report.kpis(), report.counters(),
                scoreboard.agent(agentId, period));
    }

    @GetMapping("/departments/{code}")
    DepartmentReport department(@PathVariable String code, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to, Authentication authentication) {
        Period period = period(from, to);
        KpiReports.DepartmentReport report = reports.department(reader(authentication), code, period.from(),
                period.to());
        return new DepartmentReport(code, period.from(), period.to(), report.kpis(), report.counters(),
                scoreboard.department(code, period));
    }

    /** Every agent the caller may read (a supervisor: their team), ranked company-wide. */
    @GetMapping("/agents")
    Scoreboard.Board<Scoreboard.AgentRow> agents(@RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to,
                                                 Authentication authentication) {
        Staff staff = reader(authentication);
        Scoreboard.Board<Scoreboard.AgentRow> board = scoreboard.agents(period(from, to));
        Optional<Set<String>> visible = access.agentsVisibleTo(staff);
        return new Scoreboard.Board<>(board.period(), board.previous(), board.policyVersion(), board.rows().stream()
                .filter(r -> visible.map(v -> v.contains(r.agentId())).orElse(true)).toList());
    }

    @GetMapping("/departments")
    Scoreboard.Board<Scoreboard.DepartmentRow> departments(@RequestParam(required = false) String from,
                                                           @RequestParam(required = false) String to,
                                                           Authentication authentication) {
        reader(authentication);
        return scoreboard.departments(period(from, to));
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
