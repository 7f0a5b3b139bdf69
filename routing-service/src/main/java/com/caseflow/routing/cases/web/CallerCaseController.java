package com.caseflow.routing.cases.web;

import com.caseflow.routing.cases.application.CallerCases;
import com.caseflow.routing.cases.domain.CaseStatus;
import com.caseflow.support.audit.CustomerReads;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import com.caseflow.support.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A caller's cases by phone number, for the agent on the line; each lookup counted against the reader's limit. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases by caller", description = "The cases a customer's number called about, for agents on the line")
class CallerCaseController {

    private static final String STATUSES = Arrays.stream(CaseStatus.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final CallerCases callerCases;
    private final StaffRateLimiter rateLimit;
    private final Clock clock;

    CallerCaseController(CallerCases callerCases, StaffRateLimiter rateLimit, Clock clock) {
        this.callerCases = callerCases;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    @Operation(summary = "A caller's cases, newest first",
            description = "Every case this number opened or joined (a repeat call, a caller of a mass incident), "
                    + "resolved and merged ones too unless status names some; paged. Audited; numbers masked "
                    + "except for department staff.")
    @GetMapping("/cases")
    PageView<CallerCaseView> ofCaller(@RequestParam(required = false) String phone,
                                      @RequestParam(required = false) List<String> status,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size, Authentication login) {
        List<FieldProblem> problems = CustomerReads.pagingProblems(page, size);
        if (phone == null || phone.isBlank()) {
            problems.add(new FieldProblem("phone", "is required: the customer's number"));
        }
        List<CaseStatus> statuses = new ArrayList<>();
        for (String name : status == null ? List.<String>of() : status) {
            try {
                statuses.add(CaseStatus.valueOf(name.strip()));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("status", "must be one of " + STATUSES));
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Staff reader = Staff.of(login);
        rateLimit.acquireRead(reader);
        boolean fullNumbers = CaseController.fullNumbers(reader);
        CallerCases.Found found = callerCases.of(phone, statuses, page, size, reader);
        return PageView.of(found.cases(), c -> CallerCaseView.of(c, found.phone(), fullNumbers, clock.instant()));
    }
}
