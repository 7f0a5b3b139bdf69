package com.caseflow.evaluation.aggregates.persistence;

import com.caseflow.evaluation.aggregates.domain.ProjectDay;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.Map;

/**
 * One project's counters for one business day; {@code marks} holds, per topic partition, the position of the last
 * record counted in.
 */
@Document(ProjectDayDocument.COLLECTION)
public record ProjectDayDocument(@Id String id, long version, String projectCode, String day, ProjectDay counters,
                                 Map<String, Long> marks) {

    public static final String COLLECTION = "project_days";

    static String idOf(String projectCode, String day) {
        return projectCode + "|" + day;
    }
}
