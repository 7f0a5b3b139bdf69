package com.caseflow.routing.cases.persistence;

import com.caseflow.routing.cases.domain.Case;

/** A case with the version it was read at: a write succeeds only if nobody wrote in between. */
public record VersionedCase(Case state, long version) {
}
