package com.caseflow.routing.rules.domain;

/** Where a contact goes and which rule of which version of the rule set decided it. */
public record RouteDecision(String departmentCode, String ruleId, long ruleVersion) {
}
