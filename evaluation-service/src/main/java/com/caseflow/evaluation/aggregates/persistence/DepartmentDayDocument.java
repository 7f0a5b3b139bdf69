package com.caseflow.evaluation.aggregates.persistence;

import com.caseflow.evaluation.aggregates.domain.DepartmentDay;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** One department's counters for one business day; {@code applied} holds the ids of the last events counted in. */
@Document(DepartmentDayDocument.COLLECTION)
public record DepartmentDayDocument(@Id String id, long version, String departmentCode, String day,
                                    DepartmentDay counters, List<String> applied) {

    public static final String COLLECTION = "department_days";

    static String idOf(String departmentCode, String day) {
        return departmentCode + "|" + day;
    }
}
