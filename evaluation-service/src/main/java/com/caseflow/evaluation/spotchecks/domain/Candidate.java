package com.caseflow.evaluation.spotchecks.domain;

import java.util.List;

/**
 * A contact that may be drawn, with the stratum it is drawn from and every flagged stratum it belongs to.
 *
 * @param reasons the flagged strata that apply, in priority order; empty for an ordinary contact
 */
public record Candidate(ContactFacts contact, Stratum stratum, List<Stratum> reasons) {

    public Candidate {
        reasons = List.copyOf(reasons);
    }

    public String agentId() {
        return contact.agentId();
    }

    public String contactId() {
        return contact.contactId();
    }
}
