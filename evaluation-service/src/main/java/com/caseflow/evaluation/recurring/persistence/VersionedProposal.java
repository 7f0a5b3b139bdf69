package com.caseflow.evaluation.recurring.persistence;

import com.caseflow.evaluation.recurring.domain.Proposal;

public record VersionedProposal(Proposal state, long version) {
}
