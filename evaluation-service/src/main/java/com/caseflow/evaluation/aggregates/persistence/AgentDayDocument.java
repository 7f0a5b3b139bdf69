package com.caseflow.evaluation.aggregates.persistence;

import com.caseflow.evaluation.aggregates.domain.AgentDay;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.Map;

/**
 * One agent's counters for one business day; {@code marks} holds, per topic partition, the position of the last
 * record counted in.
 */
@Document(AgentDayDocument.COLLECTION)
public record AgentDayDocument(@Id String id, long version, String agentId, String day, AgentDay counters,
                               Map<String, Long> marks) {

    public static final String COLLECTION = "agent_days";

    static String idOf(String agentId, String day) {
        return agentId + "|" + day;
    }
}
