package com.caseflow.routing.rules.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One transfer of a case, kept as a correction of the rule that routed it: the id is the case id and the
 * transfer's place in the case's history, so the same transfer is counted once however often it is recorded.
 *
 * @param routedTo the department the rule chose
 * @param keywords the classifier's words behind the case's routing
 * @param routedAt when the case was opened (the window of the report counts cases by it)
 */
@Document("routing_transfers")
public record TransferRecord(@Id String id, String caseId, long sequence, String ruleId, long ruleVersion,
                             String routedTo, String fromDepartment, String toDepartment, List<String> keywords,
                             Instant routedAt, Instant transferredAt) {

    public static String idOf(String caseId, long sequence) {
        return caseId + "#" + sequence;
    }
}
