package com.caseflow.routing.support;

import com.caseflow.routing.cases.persistence.CaseStore;

import java.time.Instant;
import java.util.List;

/** Brings a case to RESOLVED directly in the store, as its department would through the API. */
public final class Resolved {

    public static void byOwner(CaseStore cases, String caseId, String staffId, String resolution) {
        var found = cases.find(caseId).orElseThrow();
        long opened = found.state().sequence();
        found.state().accept(staffId, Instant.now());
        cases.update(found.state(), found.version(), opened, List.of());
        var accepted = cases.find(caseId).orElseThrow();
        long acceptedAt = accepted.state().sequence();
        accepted.state().resolve(staffId, resolution, Instant.now());
        cases.update(accepted.state(), accepted.version(), acceptedAt, List.of());
    }

    private Resolved() {
    }
}
