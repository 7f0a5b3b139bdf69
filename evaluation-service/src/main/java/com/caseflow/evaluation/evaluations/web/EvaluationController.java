package com.caseflow.evaluation.evaluations.web;

import com.caseflow.evaluation.evaluations.application.Evaluations;
import com.caseflow.evaluation.evaluations.domain.Period;
import com.caseflow.events.evaluation.EvaluationPublished;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Periodic evaluations: managers run them; everyone reads those {@code Access} lets them. */
@RestController
@RequestMapping("/api/v1/evaluations")
class EvaluationController {

    private final Evaluations evaluations;
    private final StaffRateLimiter rateLimit;
    private final Clock clock;
    private final ZoneId zone;

    EvaluationController(Evaluations evaluations, StaffRateLimiter rateLimit, Clock clock,
                         @org.springframework.beans.factory.annotation.Value("${caseflow.time-zone}") String zone) {
        this.evaluations = evaluations;
        this.rateLimit = rateLimit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** @param periodType WEEK or MONTH; @param start the Monday or the first of the month */
    record RunRequest(String periodType, String start) {
    }

    record Listing(String periodType, LocalDate from, LocalDate to, List<EvaluationPublished> evaluations) {
    }

    @PostMapping
    Evaluations.Run run(@RequestBody RunRequest request, Authentication authentication) {
        Staff staff = Staff.of(authentication);
        rateLimit.acquireWrite(staff);
        Target target = target(request.periodType(), request.start(), true);
        return evaluations.run(target.type(), target.start(), staff.staffId());
    }

    @GetMapping
    Listing list(@RequestParam(required = false) String periodType, @RequestParam(required = false) String start,
                 Authentication authentication) {
        Staff staff = reader(authentication);
        Target target = target(periodType, start, false);
        Period period = Period.of(target.type(), target.start());
        return new Listing(target.type().name(), period.from(), period.to(),
                evaluations.ofPeriod(staff, target.type(), target.start()));
    }

    @GetMapping("/{id}")
    EvaluationPublished one(@PathVariable String id, Authentication authentication) {
        return evaluations.one(reader(authentication), id);
    }

    private record Target(Period.Type type, LocalDate start) {
    }

    private Target target(String periodType, String start, boolean mustHaveBegun) {
        List<FieldProblem> problems = new ArrayList<>();
        Period.Type type = null;
        if (periodType == null || periodType.isBlank()) {
            problems.add(new FieldProblem("periodType", "required: WEEK or MONTH"));
        } else {
            try {
                type = Period.Type.valueOf(periodType.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("periodType", "WEEK or MONTH"));
            }
        }
        LocalDate first = null;
        if (start == null || start.isBlank()) {
            problems.add(new FieldProblem("start", "required: the Monday of the week or the first of the month"));
        } else {
            try {
                first = LocalDate.parse(start.strip());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("start", "a date such as 2026-11-01"));
            }
        }
        if (type != null && first != null) {
            if (!Period.starts(type, first)) {
                problems.add(new FieldProblem("start", type == Period.Type.WEEK
                        ? "a week starts on a Monday" : "a month starts on its first day"));
            } else if (mustHaveBegun && first.isAfter(LocalDate.now(clock.withZone(zone)))) {
                problems.add(new FieldProblem("start", "the period has not begun"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Target(type, first);
    }

    private Staff reader(Authentication authentication) {
        Staff staff = Staff.of(authentication);
        rateLimit.acquireRead(staff);
        return staff;
    }
}
