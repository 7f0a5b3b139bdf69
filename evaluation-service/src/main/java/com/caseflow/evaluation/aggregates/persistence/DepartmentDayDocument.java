package com.caseflow.evaluation.aggregates.persistence;

import com.caseflow.evaluation.aggregates.domain.DepartmentDay;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.Map;

/**
 * One department's counters for one business day; {@code marks} holds, per topic partition, the position of the last
 * record counted in.
 */
@Document(DepartmentDayDocument.COLLECTION)
public record DepartmentDayDocument(@Id String id, long version, String departmentCode, String day,
                                    DepartmentDay counters, Map<String, Long> marks) {

    public static final String COLLECTION = "department_days";

    static String idOf(String departmentCode, String day) {
        return departmentCode + "|" + day;
    }
}
