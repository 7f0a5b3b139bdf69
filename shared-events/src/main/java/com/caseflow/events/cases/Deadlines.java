package com.caseflow.events.cases;

import java.time.Instant;

/**
 * When a case must first be answered and resolved, counted in the department's business hours from its SLA policy.
 *
 * @param firstResponseHours business hours allowed for the first response, as the policy said when they were set
 * @param resolutionHours    business hours allowed for the resolution
 */
public record Deadlines(Instant firstResponseDue, Instant resolutionDue, int firstResponseHours, int resolutionHours) {
}
