package com.caseflow.evaluation.reports.web;

import com.caseflow.evaluation.access.Access;
import com.caseflow.evaluation.aggregates.application.DailyReports;
import com.caseflow.evaluation.aggregates.application.KpiReports;
import com.caseflow.evaluation.aggregates.domain.AgentDay;
import com.caseflow.evaluation.aggregates.domain.DepartmentDay;
import com.caseflow.evaluation.aggregates.domain.Kpis;
import com.caseflow.evaluation.evaluations.application.Scoreboard;
import com.caseflow.evaluation.evaluations.domain.Period;
import com.caseflow.support.export.ExportFormat;
import com.caseflow.support.export.TableExport;
import com.caseflow.evaluation.web.ReportPeriod;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** KPI reports and rankings for any period of business days (Asia/Shanghai), from and to inclusive. */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    /** A project's code as proposals spell it (e.g. SH-LJY). */
    private static final Pattern PROJECT_CODE = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");
    private static final int MAX_PROJECT_CODE = 32;

    private final KpiReports reports;
    private final DailyReports daily;
    private final Scoreboard scoreboard;
    private final Access access;
    private final StaffRateLimiter rateLimit;

    ReportController(KpiReports reports, DailyReports daily, Scoreboard scoreboard, Access access,
                     StaffRateLimiter rateLimit) {
        this.reports = reports;
        this.daily = daily;
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
    ResponseEntity<?> agent(@PathVariable String agentId, @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to, @RequestParam(required = false) String format,
                            Authentication authentication) {
        Staff staff = reader(authentication);
        Asked asked = asked(from, to, format);
        Period period = asked.period();
        ExportFormat exportFormat = asked.format();
        KpiReports.AgentReport report = reports.agent(staff, agentId, period.from(), period.to());
        Scoreboard.Standing standing = scoreboard.agent(agentId, period);
        if (exportFormat == ExportFormat.JSON) {
            return ResponseEntity.ok(new AgentReport(agentId, period.from(), period.to(), report.kpis(),
                    report.counters(), standing));
        }
        Scoreboard.Board<Scoreboard.AgentRow> one = new Scoreboard.Board<>(period, period.previous(),
                scoreboard.policy().version(), List.of(new Scoreboard.AgentRow(agentId, report.kpis(), standing)));
        return TableExport.download(ReportTables.agents(one, scoreboard.policy()), exportFormat,
                "坐席考核-" + agentId + "-" + period.from() + "-" + period.to());
    }

    @GetMapping("/departments/{code}")
    ResponseEntity<?> department(@PathVariable String code, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String format, Authentication authentication) {
        Staff staff = reader(authentication);
        Asked asked = asked(from, to, format);
        Period period = asked.period();
        ExportFormat exportFormat = asked.format();
        KpiReports.DepartmentReport report = reports.department(staff, code, period.from(), period.to());
        Scoreboard.Standing standing = scoreboard.department(code, period);
        if (exportFormat == ExportFormat.JSON) {
            return ResponseEntity.ok(new DepartmentReport(code, period.from(), period.to(), report.kpis(),
                    report.counters(), standing));
        }
        Scoreboard.Board<Scoreboard.DepartmentRow> one = new Scoreboard.Board<>(period, period.previous(),
                scoreboard.policy().version(),
                List.of(new Scoreboard.DepartmentRow(code, report.kpis(), standing)));
        return TableExport.download(ReportTables.departments(one, scoreboard.policy()), exportFormat,
                "部门考核-" + code + "-" + period.from() + "-" + period.to());
    }

    /**
     * Every agent the caller may read (a supervisor: their team), ranked company-wide; {@code format=csv|xlsx} for a
     * download.
     */
    @GetMapping("/agents")
    ResponseEntity<?> agents(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String format, Authentication authentication) {
        Staff staff = reader(authentication);
        Asked asked = asked(from, to, format);
        Period period = asked.period();
        ExportFormat exportFormat = asked.format();
        Scoreboard.Board<Scoreboard.AgentRow> all = scoreboard.agents(period);
        Optional<Set<String>> visible = access.agentsVisibleTo(staff);
        Scoreboard.Board<Scoreboard.AgentRow> board = new Scoreboard.Board<>(all.period(), all.previous(),
                all.policyVersion(), all.rows().stream()
                .filter(r -> visible.map(v -> v.contains(r.agentId())).orElse(true)).toList());
        if (exportFormat == ExportFormat.JSON) {
            return ResponseEntity.ok(board);
        }
        return TableExport.download(ReportTables.agents(board, scoreboard.policy()), exportFormat,
                "坐席考核-" + period.from() + "-" + period.to());
    }

    @GetMapping("/departments")
    ResponseEntity<?> departments(@RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String format, Authentication authentication) {
        reader(authentication);
        Asked asked = asked(from, to, format);
        Period period = asked.period();
        ExportFormat exportFormat = asked.format();
        Scoreboard.Board<Scoreboard.DepartmentRow> board = scoreboard.departments(period);
        if (exportFormat == ExportFormat.JSON) {
            return ResponseEntity.ok(board);
        }
        return TableExport.download(ReportTables.departments(board, scoreboard.policy()), exportFormat,
                "部门考核-" + period.from() + "-" + period.to());
    }

    /** The call centre's service measures per hotline, in total and by hour of the day. */
    record HotlinesReport(LocalDate from, LocalDate to, List<KpiReports.HotlineReport> hotlines) {
    }

    /**
     * Every hotline's calls offered in the period (Asia/Shanghai hours of the offer): offered, answered, abandoned,
     * service level (answered within 15 s ÷ offered), average speed of answer and abandonment rate, in total and per
     * hour (for a day its hours, for a month each hour of the day over its days); {@code format=csv|xlsx} for a
     * download.
     */
    @GetMapping("/hotlines")
    ResponseEntity<?> hotlines(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String format, Authentication authentication) {
        Staff staff = reader(authentication);
        Asked asked = asked(from, to, format);
        Period period = asked.period();
        List<KpiReports.HotlineReport> hotlines = reports.hotlines(staff, period.from(), period.to());
        if (asked.format() == ExportFormat.JSON) {
            return ResponseEntity.ok(new HotlinesReport(period.from(), period.to(), hotlines));
        }
        return TableExport.download(ReportTables.hotlines(period, hotlines), asked.format(),
                "热线服务水平-" + period.from() + "-" + period.to());
    }

    /**
     * The company's figures per business day (Asia/Shanghai) of the period and for the whole period: contacts by
     * channel and category, first-contact resolution, the three-ring rate (per agent measured where the phone
     * platform rang calls at them, else as reported), the hotlines' service level and the departments' cases. With
     * {@code projectCode}, contacts and first-contact resolution are that project's; a supervisor's agent figures
     * are their team's. {@code format=csv|xlsx} for a download.
     */
    @GetMapping("/daily")
    ResponseEntity<?> daily(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(required = false) String projectCode,
                            @RequestParam(required = false) String format, Authentication authentication) {
        Staff staff = reader(authentication);
        List<FieldProblem> problems = new ArrayList<>();
        String project = projectCode == null || projectCode.isBlank() ? null : projectCode.strip();
        if (project != null && (project.length() > MAX_PROJECT_CODE || !PROJECT_CODE.matcher(project).matches())) {
            problems.add(new FieldProblem("projectCode", "upper-case letters and digits in groups joined by '-', "
                    + "at most " + MAX_PROJECT_CODE + " characters, e.g. SH-LJY"));
        }
        ExportFormat exportFormat = null;
        try {
            exportFormat = ExportFormat.parse(format);
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        Period period = period(from, to, problems);
        DailyReports.DailyReport report = daily.daily(staff, period.from(), period.to(), project);
        if (exportFormat == ExportFormat.JSON) {
            return ResponseEntity.ok(report);
        }
        return TableExport.download(ReportTables.daily(report), exportFormat,
                "每日运营-" + (project == null ? "" : project + "-") + period.from() + "-" + period.to());
    }

    private record Asked(Period period, ExportFormat format) {
    }

    /** The period and the format asked for, every bad field named at once. */
    private static Asked asked(String from, String to, String format) {
        List<FieldProblem> problems = new ArrayList<>();
        ExportFormat exportFormat = null;
        try {
            exportFormat = ExportFormat.parse(format);
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        return new Asked(period(from, to, problems), exportFormat);
    }

    private static Period period(String from, String to, List<FieldProblem> problems) {
        ReportPeriod period = ReportPeriod.of(from, to, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Period(period.from(), period.to());
    }

    private Staff reader(Authentication authentication) {
        Staff staff = Staff.of(authentication);
        rateLimit.acquireRead(staff);
        return staff;
    }
}
