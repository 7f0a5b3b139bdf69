package com.caseflow.evaluation.spotchecks.domain;

import java.time.LocalDate;
import java.util.List;

/** One contact drawn for review, with why it was drawn. */
public record SampleItem(String contactId, String agentId, String caseId, LocalDate day, String channel,
                         String projectCode, String category, Stratum stratum, List<Stratum> reasons) {

    public SampleItem {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    static SampleItem of(Candidate c) {
        ContactFacts f = c.contact();
        return new SampleItem(f.contactId(), f.agentId(), f.caseId(), f.day(), f.channel(), f.projectCode(),
                f.category(), c.stratum(), c.reasons());
    }
}
