package com.caseflow.evaluation.web;

import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The period a report covers, from the {@code from} and {@code to} request parameters: business days (Asia/Shanghai),
 * both inclusive, at most {@value #MAX_DAYS} days. Shared by the service's report endpoints so that every report
 * refuses a bad period the same way, naming each bad field.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    /** @throws InvalidRequestException naming {@code from} and/or {@code to} */
    public static ReportPeriod of(String from, String to) {
        List<FieldProblem> problems = new ArrayList<>();
        ReportPeriod period = of(from, to, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return period;
    }

    /**
     * The period, or null after adding what is wrong with it to {@code problems}: for a request that checks more
     * parameters and refuses them all in one answer.
     */
    public static ReportPeriod of(String from, String to, List<FieldProblem> problems) {
        int before = problems.size();
        LocalDate start = date("from", from, problems);
        LocalDate end = date("to", to, problems);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                problems.add(new FieldProblem("to", "must not be before from"));
            } else if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
                problems.add(new FieldProblem("to", "a period covers at most " + MAX_DAYS + " days"));
            }
        }
        return problems.size() == before ? new ReportPeriod(start, end) : null;
    }

    /** A required date between the years 2000 and 2100, or null after naming the field in {@code problems}. */
    public static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "required: a date such as 2026-11-01"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                problems.add(new FieldProblem(field, "a date between " + FIRST_YEAR + " and " + LAST_YEAR));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "a date such as 2026-11-01"));
            return null;
        }
    }
}
