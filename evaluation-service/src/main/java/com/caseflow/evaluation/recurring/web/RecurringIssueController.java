package com.caseflow.evaluation.recurring.web;

import com.caseflow.evaluation.recurring.application.RecurringIssueReports;
import com.caseflow.evaluation.recurring.application.RecurringProperties;
import com.caseflow.evaluation.recurring.domain.RecurringIssues;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/**
 * Recurring customer issues of a period (from and to inclusive, business days in Asia/Shanghai, at most
 * {@value ReportPeriod#MAX_DAYS} days): the top project × category issues against the period of the same length just
 * before, repeat-contact hot spots and mass incidents; {@code limit} caps each of the three lists. Every role reads
 * them (agents and departments analyse recurring issues too).
 */
@RestController
@RequestMapping("/api/v1/issues")
class RecurringIssueController {

    private final RecurringIssueReports reports;
    private final RecurringProperties properties;
    private final StaffRateLimiter rateLimit;

    RecurringIssueController(RecurringIssueReports reports, RecurringProperties properties,
                             StaffRateLimiter rateLimit) {
        this.reports = reports;
        this.properties = properties;
        this.rateLimit = rateLimit;
    }

    /** {@code format=csv|xlsx} downloads the top issues (the dashboard's heat map) as a table. */
    @GetMapping("/recurring")
    ResponseEntity<?> recurring(@RequestParam(required = false) String from,
                                @RequestParam(required = false) String to,
                                @RequestParam(required = false) String limit,
                                @RequestParam(required = false) String format, Authentication authentication) {
        List<FieldProblem> problems = new ArrayList<>();
        ReportPeriod period = ReportPeriod.of(from, to, problems);
        int entries = limit(limit, problems);
        ExportFormat exportFormat = null;
        try {
            exportFormat = ExportFormat.parse(format);
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        rateLimit.acquireRead(Staff.of(authentication));
        RecurringIssues.Report report = reports.report(period.from(), period.to(), entries);
        if (exportFormat == ExportFormat.JSON) {
            return ResponseEntity.ok(report);
        }
        return TableExport.download(IssueTables.recurring(report), exportFormat,
                "重复问题-" + period.from() + "-" + period.to());
    }

    private int limit(String value, List<FieldProblem> problems) {
        if (value == null) {
            return properties.defaultLimit();
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= properties.maxLimit()) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        problems.add(new FieldProblem("limit", "a whole number from 1 to " + properties.maxLimit()));
        return 0;
    }
}
