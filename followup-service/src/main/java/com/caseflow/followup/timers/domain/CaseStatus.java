package com.caseflow.followup.timers.domain;

public enum CaseStatus {
    /** Routed, transferred or reopened, not yet resolved: its deadlines run. */
    ACTIVE,
    RESOLVED,
    /** Became part of a mass incident; the incident's case carries on. */
    MERGED
}
