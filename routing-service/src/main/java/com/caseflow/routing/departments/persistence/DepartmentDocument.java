package com.caseflow.routing.departments.persistence;

import com.caseflow.routing.departments.domain.Department;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * @param changedBy who saved this version (staff id; {@code demo-data} for the demo departments); null on departments
 *                  stored before it was recorded
 * @param changedAt when
 */
@Document("departments")
public record DepartmentDocument(@Id String code, Department department, @Version Long version, String changedBy,
                                 Instant changedAt) {
}
