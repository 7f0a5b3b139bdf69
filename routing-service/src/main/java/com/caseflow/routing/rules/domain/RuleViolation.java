package com.caseflow.routing.rules.domain;

/** A reason a rule set cannot be taken into use, naming the field at fault (e.g. {@code rules[2].departmentCode}). */
public record RuleViolation(String field, String message) {
}
