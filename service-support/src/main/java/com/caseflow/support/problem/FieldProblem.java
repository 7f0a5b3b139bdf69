package com.caseflow.support.problem;

/** One bad field of a request, named as the client sent it. The message never repeats the rejected value. */
public record FieldProblem(String field, String message) {
}
