package com.caseflow.intake.projects.persistence;

import com.caseflow.intake.projects.domain.Project;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("projects")
public record ProjectDocument(@Id String code, Project project, @Version Long version) {

    public static ProjectDocument of(Project project) {
        return new ProjectDocument(project.code(), project, project.version());
    }

    public Project toProject() {
        return project.withVersion(version, project.updatedAt());
    }
}
