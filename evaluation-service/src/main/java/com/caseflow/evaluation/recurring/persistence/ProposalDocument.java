package com.caseflow.evaluation.recurring.persistence;

import com.caseflow.evaluation.recurring.domain.Proposal;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An improvement proposal as stored, with a version for optimistic locking (the ETag of the API). */
@Document(ProposalDocument.COLLECTION)
record ProposalDocument(@Id String id, long version, Proposal state) {

    static final String COLLECTION = "proposals";
}
