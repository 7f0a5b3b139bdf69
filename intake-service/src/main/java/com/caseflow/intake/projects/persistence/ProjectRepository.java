package com.caseflow.intake.projects.persistence;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.List;

public interface ProjectRepository extends MongoRepository<ProjectDocument, String> {

    List<ProjectDocument> findByProjectCityOrderByCode(String city);
}
