package com.caseflow.intake.projects.application;

import com.caseflow.intake.contacts.domain.PhoneNumber;
import com.caseflow.intake.projects.domain.Project;
import com.caseflow.intake.projects.domain.SalesStatus;
import com.caseflow.intake.projects.persistence.ProjectDocument;
import com.caseflow.intake.projects.persistence.ProjectRepository;
import com.caseflow.intake.validation.RequestChecks;
import com.caseflow.support.problem.ConflictException;
import jakarta.validation.Validator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** The catalogue agents answer from: location, unit types and prices, and frequent questions of each project. */
@Service
public class ProjectCatalogue {

    private final ProjectRepository projects;
    private final Validator validator;
    private final Clock clock;

    public ProjectCatalogue(ProjectRepository projects, Validator validator, Clock clock) {
        this.projects = projects;
        this.validator = validator;
        this.clock = clock;
    }

    public boolean exists(String code) {
        return projects.existsById(code);
    }

    public List<Project> list(String city) {
        List<ProjectDocument> found = city == null || city.isBlank()
                ? projects.findAll(Sort.by("code"))
                : projects.findByProjectCityOrderByCode(city.strip());
        return found.stream().map(ProjectDocument::toProject).toList();
    }

    public Optional<Project> find(String code) {
        return projects.findById(code).map(ProjectDocument::toProject);
    }

    /** @param by the staff id of who adds it; null when the service loads it itself */
    public Project create(ProjectRequest request, String by) {
        Project project = validated(request, null, by);
        try {
            return projects.insert(ProjectDocument.of(project)).toProject();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("project " + project.code() + " exists already");
        }
    }

    /** Replaces a project; refused when someone else edited it since {@code request.version()} was read. */
    public Optional<Project> update(String code, ProjectRequest request, String by) {
        Project project = validated(request, code, by);
        if (!projects.existsById(code)) {
            return Optional.empty();
        }
        try {
            return Optional.of(projects.save(ProjectDocument.of(project)).toProject());
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("project " + code + " was changed by someone else; read it again");
        }
    }

    private Project validated(ProjectRequest request, String pathCode, String by) {
        RequestChecks checks = RequestChecks.of(request, validator, clock);
        SalesStatus status = checks.oneOf("salesStatus", request.salesStatus(), SalesStatus.class);
        String hotline = null;
        if (request.serviceHotline() != null && !request.serviceHotline().isBlank()) {
            Optional<PhoneNumber> number = PhoneNumber.parse(request.serviceHotline());
            if (number.isEmpty()) {
                checks.reject("serviceHotline", "must be a Chinese landline with area code or a 400 number");
            } else {
                hotline = number.get().value();
            }
        }
        List<ProjectRequest.UnitTypeRequest> units = request.unitTypes() == null ? List.of() : request.unitTypes();
        IntStream.range(0, units.size())
                .filter(i -> units.get(i) != null && units.get(i).priceFromCny() != null
                        && units.get(i).priceToCny() != null
                        && units.get(i).priceFromCny().compareTo(units.get(i).priceToCny()) > 0)
                .forEach(i -> checks.reject("unitTypes[" + i + "].priceToCny", "must not be below priceFromCny"));
        if (pathCode != null && request.code() != null && !pathCode.equals(request.code())) {
            checks.reject("code", "must match the project in the URL; a project's code cannot change");
        }
        if (pathCode != null && request.version() == null) {
            checks.reject("version", "is required to edit: send the version you read");
        }
        checks.throwIfInvalid();
        List<Project.UnitType> unitTypes = units.stream()
                .map(u -> new Project.UnitType(u.name().strip(), u.layout(), u.areaSqm(), u.priceFromCny(),
                        u.priceToCny()))
                .toList();
        List<Project.Faq> faqs = request.faqs() == null ? List.of() : request.faqs().stream()
                .map(f -> new Project.Faq(f.question().strip(), f.answer().strip()))
                .toList();
        return new Project(request.code(), request.name().strip(), request.city().strip(), request.district(),
                request.address().strip(), status, hotline, unitTypes, faqs, pathCode == null ? null : request.version(),
                clock.instant(), by);
    }
}
