package com.caseflow.evaluation.spotchecks.web;

import com.caseflow.support.problem.FieldProblem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Periods of business days (Asia/Shanghai), from and to inclusive, as the reports read them. */
final class Periods {

    static final int MAX_DAYS = 366;

    record Period(LocalDate from, LocalDate to) {
    }

    private Periods() {
    }

    /** The period, or null with what is wrong added to {@code problems}. */
    static Period period(String from, String to, List<FieldProblem> problems) {
        LocalDate start = date("from", from, problems);
        LocalDate end = date("to", to, problems);
        if (start == null || end == null) {
            return null;
        }
        if (end.isBefore(start)) {
            problems.add(new FieldProblem("to", "must not be before from"));
            return null;
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            problems.add(new FieldProblem("to", "a period covers at most " + MAX_DAYS + " days"));
            return null;
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
}
