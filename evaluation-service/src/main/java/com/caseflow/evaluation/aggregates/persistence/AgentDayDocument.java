package com.caseflow.evaluation.aggregates.persistence;

import com.caseflow.evaluation.aggregates.domain.AgentDay;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** One agent's counters for one business day; {@code applied} holds the ids of the last events counted in. */
@Document(AgentDayDocument.COLLECTION)
public record AgentDayDocument(@Id String id, long version, String agentId, String day, AgentDay counters,
                               List<String> applied) {

    public static final String COLLECTION = "agent_days";

    static String idOf(String agentId, String day) {
        return agentId + "|" + day;
    }
}
