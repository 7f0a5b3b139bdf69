package com.caseflow.intake.projects.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Loads demo projects into an empty catalogue, so a newcomer can record a call at once. Off in production. */
@Component
@ConditionalOnBooleanProperty(name = "caseflow.intake.demo-projects")
class DemoProjects implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProjects.class);

    private final ProjectCatalogue catalogue;
    private final JsonMapper json;

    DemoProjects(ProjectCatalogue catalogue, JsonMapper json) {
        this.catalogue = catalogue;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!catalogue.list(null).isEmpty()) {
            return;
        }
        try (InputStream in = new ClassPathResource("demo-projects.json").getInputStream()) {
            List<ProjectRequest> demo = json.readValue(in, new TypeReference<>() {
            });
            demo.forEach(project -> catalogue.create(project, null));
            log.info("Loaded {} demo projects into the empty catalogue", demo.size());
        }
    }
}
