package com.caseflow.routing.onduty.domain;

/** What is wrong with a roster change, and where. */
public record RosterViolation(String field, String message) {
}
