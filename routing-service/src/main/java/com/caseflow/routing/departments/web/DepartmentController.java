package com.caseflow.routing.departments.web;

import com.caseflow.events.cases.Priority;
import com.caseflow.routing.departments.application.DepartmentRegistry;
import com.caseflow.routing.departments.domain.Department;
import com.caseflow.routing.departments.domain.SlaTarget;
import com.caseflow.routing.departments.persistence.DepartmentDocument;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.problem.RequestRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The department registry: everyone signed in reads it; managers and administrators maintain it. */
@RestController
@RequestMapping("/api/v1/departments")
class DepartmentController {

    private final DepartmentRegistry registry;

    DepartmentController(DepartmentRegistry registry) {
        this.registry = registry;
    }

    record DepartmentRequest(String nameZh, String nameEn, String head, Map<Priority, SlaTarget> sla,
                             Boolean active, Long expectedVersion) {
    }

    record DepartmentView(String code, String nameZh, String nameEn, String head, Map<Priority, SlaTarget> sla,
                          boolean active, Long version) {

        static DepartmentView of(DepartmentDocument d) {
            Department dep = d.department();
            return new DepartmentView(dep.code(), dep.nameZh(), dep.nameEn(), dep.head(), dep.sla(), dep.active(),
                    d.version());
        }
    }

    @GetMapping
    List<Department> all() {
        return registry.all();
    }

    @GetMapping("/{code}")
    DepartmentView one(@PathVariable String code) {
        return registry.findStored(code).map(DepartmentView::of).orElseThrow(() -> new RequestRefusedException(
                HttpStatus.NOT_FOUND, "not-found", "Not found", "no department " + code));
    }

    @PutMapping("/{code}")
    DepartmentView save(@PathVariable String code, @RequestBody DepartmentRequest body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            problems.add(new FieldProblem("code", "2–40 capital letters, digits or '_', e.g. ENGINEERING"));
        }
        requireText(problems, "nameZh", body.nameZh());
        requireText(problems, "nameEn", body.nameEn());
        requireText(problems, "head", body.head());
        Map<Priority, SlaTarget> sla = body.sla() == null ? Map.of() : new EnumMap<>(body.sla());
        for (Priority priority : Priority.values()) {
            SlaTarget target = sla.get(priority);
            if (target == null) {
                problems.add(new FieldProblem("sla." + priority, "required"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Department department = new Department(code, body.nameZh().strip(), body.nameEn().strip(),
                body.head().strip(), sla, body.active() == null || body.active());
        return DepartmentView.of(registry.save(department, body.expectedVersion()));
    }

    private static void requireText(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "required"));
        } else if (value.length() > 100) {
            problems.add(new FieldProblem(field, "at most 100 characters"));
        }
    }
}
