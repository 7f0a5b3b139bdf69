package com.caseflow.routing.departments.persistence;

import com.caseflow.routing.departments.domain.Department;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("departments")
public record DepartmentDocument(@Id String code, Department department, @Version Long version) {
}
