package com.caseflow.followup.timers.domain;

import com.caseflow.events.cases.CaseCustomer;

/**
 * A customer whose contact the case answers: each is called back (回访) when the case is resolved.
 *
 * @param contactId the customer's first contact on the case
 * @param agentId   the agent who recorded it
 */
public record CaseCaller(String contactId, String agentId, CaseCustomer customer) {
}
