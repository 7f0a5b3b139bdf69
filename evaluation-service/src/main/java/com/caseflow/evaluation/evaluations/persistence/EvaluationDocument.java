package com.caseflow.evaluation.evaluations.persistence;

import com.caseflow.evaluation.evaluations.domain.Decision;
import com.caseflow.events.evaluation.EvaluationPublished;
import com.caseflow.support.outbox.OutboxClaim;
import com.caseflow.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * The latest evaluation of one subject for one period, the manager's decision on it (null until there is one), and
 * the events announcing them that await the relay.
 */
@Document(EvaluationDocument.COLLECTION)
record EvaluationDocument(@Id String id, long version, String periodType, String from, String subjectType,
                          String subjectId, EvaluationPublished evaluation, List<OutboxEntry> outbox,
                          OutboxClaim outboxClaim, Decision decision) {

    static final String COLLECTION = "evaluations";
}
