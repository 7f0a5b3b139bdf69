package com.caseflow.evaluation.aggregates.domain;

import java.time.Instant;
import java.util.List;

/**
 * What evaluation remembers of a case to score the events that follow: its department, the agents whose contacts it
 * answers, when its current clock started and its deadlines.
 */
public record CaseFacts(String caseId, String departmentCode, List<String> agentIds, Instant clockStartedAt,
                        Instant firstResponseDue, Instant resolutionDue, long sequence) {

    public CaseFacts {
        agentIds = agentIds == null ? List.of() : List.copyOf(agentIds);
    }
}
