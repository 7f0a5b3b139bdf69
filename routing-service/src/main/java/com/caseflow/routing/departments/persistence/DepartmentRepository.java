package com.caseflow.routing.departments.persistence;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface DepartmentRepository extends MongoRepository<DepartmentDocument, String> {
}
