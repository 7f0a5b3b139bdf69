package com.caseflow.support.web;

import com.caseflow.support.problem.FieldProblem;
import org.springframework.data.domain.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A stable JSON shape for one page of results. */
public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    /** Pages asked for beyond this are refused: deep paging scans, and nobody reads page 10,001. */
    public static final int MAX_PAGE = 10_000;
    public static final int MAX_SIZE = 100;

    /** What is wrong with a page request, each field named; a list the caller may add its own problems to. */
    public static List<FieldProblem> pagingProblems(int page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0 || page > MAX_PAGE) {
            problems.add(new FieldProblem("page", "0 to " + MAX_PAGE));
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add(new FieldProblem("size", "1 to " + MAX_SIZE));
        }
        return problems;
    }

    public static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
        return new PageView<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
