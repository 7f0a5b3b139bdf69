package com.caseflow.followup.timers.persistence;

import com.caseflow.followup.timers.domain.FollowedCase;

/** A followed case with the version it was read at: a write succeeds only if nobody wrote in between. */
public record VersionedFollowUp(FollowedCase state, long version) {
}
