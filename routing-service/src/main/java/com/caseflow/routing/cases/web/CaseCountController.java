package com.caseflow.routing.cases.web;

import com.caseflow.routing.cases.application.CaseWork;
import com.caseflow.support.security.Staff;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The open and overdue cases of every department in one answer, for the managers' dashboard: the same numbers as
 * {@code GET /api/v1/departments/{code}/cases} and {@code …?overdue=true} (their {@code totalElements}), without two
 * requests per department.
 */
@RestController
@RequestMapping("/api/v1/cases/counts")
class CaseCountController {

    private final CaseWork work;
    private final Clock clock;

    CaseCountController(CaseWork work, Clock clock) {
        this.work = work;
        this.clock = clock;
    }

    /** @param open open or in progress (a queue's default statuses); overdue: of those, past a deadline */
    record DepartmentCount(String departmentCode, long open, long overdue) {
    }

    /** @param departments those with open cases, by code, that the caller may read */
    record Counts(Instant at, List<DepartmentCount> departments) {
    }

    @GetMapping
    Counts counts(Authentication authentication) {
        Instant at = clock.instant();
        return new Counts(at, work.openCounts(Staff.of(authentication)).stream()
                .map(c -> new DepartmentCount(c.departmentCode(), c.cases(), c.overdue())).toList());
    }
}
