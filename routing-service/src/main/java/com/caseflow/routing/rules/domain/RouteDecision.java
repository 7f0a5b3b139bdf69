package com.caseflow.routing.rules.domain;

/**
 * Where a contact goes and which rule of which version of the rule set decided it.
 *
 * @param reason the rule and the conditions of it that held, in words
 */
public record RouteDecision(String departmentCode, String ruleId, long ruleVersion, String reason) {
}
