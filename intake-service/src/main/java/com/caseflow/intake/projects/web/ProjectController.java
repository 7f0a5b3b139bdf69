package com.caseflow.intake.projects.web;

import com.caseflow.intake.projects.application.ProjectCatalogue;
import com.caseflow.intake.projects.application.ProjectRequest;
import com.caseflow.intake.projects.domain.Project;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Projects", description = "The catalogue agents answer from: location, unit types, prices, FAQ")
class ProjectController {

    private final ProjectCatalogue catalogue;
    private final StaffRateLimiter rateLimit;

    ProjectController(ProjectCatalogue catalogue, StaffRateLimiter rateLimit) {
        this.catalogue = catalogue;
        this.rateLimit = rateLimit;
    }

    @Operation(summary = "All projects, optionally in one city")
    @GetMapping
    List<Project> projects(@RequestParam(required = false) String city) {
        return catalogue.list(city);
    }

    @Operation(summary = "One project")
    @GetMapping("/{code}")
    Project project(@PathVariable String code) {
        return catalogue.find(code).orElseThrow(ProjectController::notFound);
    }

    /** Who adds or edits a project is the signed-in staff member: returned as {@code updatedBy}. */
    @Operation(summary = "Add a project to the catalogue")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Project> create(@RequestBody ProjectRequest request, Authentication login) {
        Project project = catalogue.create(request, writer(login));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{code}")
                .buildAndExpand(project.code()).toUri()).body(project);
    }

    @Operation(summary = "Edit a project", description = "Send the version you read; an edit over someone "
            + "else's newer change is refused with 409.")
    @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Project update(@PathVariable String code, @RequestBody ProjectRequest request, Authentication login) {
        return catalogue.update(code, request, writer(login)).orElseThrow(ProjectController::notFound);
    }

    /** The editor, within their write limit; every attempt counts, refused ones too. */
    private String writer(Authentication login) {
        Staff staff = Staff.of(login);
        rateLimit.acquireWrite(staff);
        return staff.staffId();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No project with this code.");
    }
}
