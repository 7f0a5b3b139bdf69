package com.caseflow.evaluation.training.web;

import com.caseflow.evaluation.privacy.FreeText;
import com.caseflow.evaluation.training.application.Trainings;
import com.caseflow.evaluation.training.domain.TrainingAssignment;
import com.caseflow.evaluation.training.domain.TrainingStatus;
import com.caseflow.evaluation.training.persistence.TrainingStore;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import com.caseflow.support.web.PageView;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Training assignments (培训任务) evaluations recommended: agents read their own, supervisors their team's, trainers
 * those they train, managers all; the trainer, the agent's supervisor or a manager records the completion, once.
 */
@RestController
@RequestMapping("/api/v1/training/assignments")
class TrainingController {

    private static final Pattern STAFF_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Trainings trainings;
    private final StaffRateLimiter rateLimit;

    TrainingController(Trainings trainings, StaffRateLimiter rateLimit) {
        this.trainings = trainings;
        this.rateLimit = rateLimit;
    }

    /** @param note optional: how the training went, at most 500 characters, no phone numbers */
    record CompletionRequest(String note) {
    }

    record AssignmentView(String id, String evaluationId, int evaluationRevision, String agentId, String periodType,
                          LocalDate from, LocalDate to, List<String> weakKpis, Map<String, Double> kpiScoresBefore,
                          String topic, String trainerId, LocalDate dueDate, boolean overdue, Instant assignedAt,
                          String status, String statusLabel, String completedBy, Instant completedAt, String note,
                          long version) {
    }

    @GetMapping
    PageView<AssignmentView> list(@RequestParam(required = false) String agentId,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size, Authentication authentication) {
        List<FieldProblem> problems = PageView.pagingProblems(page, size);
        if (agentId != null && !STAFF_ID.matcher(agentId).matches()) {
            problems.add(new FieldProblem("agentId", "a staff id: letters, digits, '.', '_' or '-', at most 64"));
        }
        TrainingStatus wanted = null;
        if (status != null) {
            try {
                wanted = TrainingStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("status", "ASSIGNED or COMPLETED"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Staff staff = Staff.of(authentication);
        rateLimit.acquireRead(staff);
        LocalDate today = trainings.today();
        return PageView.of(trainings.list(staff, agentId, wanted, page, size), v -> view(v, today));
    }

    @GetMapping("/{id}")
    AssignmentView read(@PathVariable String id, Authentication authentication) {
        Staff staff = Staff.of(authentication);
        rateLimit.acquireRead(staff);
        return view(trainings.read(staff, id).orElseThrow(() -> notFound(id)), trainings.today());
    }

    /** {@code {}} records the completion without a note. */
    @PostMapping("/{id}/completion")
    AssignmentView complete(@PathVariable String id, @RequestBody CompletionRequest body,
                            Authentication authentication) {
        String note = body.note() == null || body.note().isBlank() ? null : body.note().strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (note != null && note.codePointCount(0, note.length()) > TrainingAssignment.MAX_NOTE) {
            problems.add(new FieldProblem("note", "at most " + TrainingAssignment.MAX_NOTE + " characters"));
        }
        FreeText.requireNoPhoneNumber("note", note, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Staff staff = Staff.of(authentication);
        rateLimit.acquireWrite(staff);
        return view(trainings.complete(staff, id, note).orElseThrow(() -> notFound(id)), trainings.today());
    }

    private static RequestRefusedException notFound(String id) {
        return new RequestRefusedException(HttpStatus.NOT_FOUND, "not-found", "Training assignment not found",
                "no training assignment " + id);
    }

    private static AssignmentView view(TrainingStore.Versioned v, LocalDate today) {
        TrainingAssignment a = v.assignment();
        return new AssignmentView(a.id(), a.evaluationId(), a.evaluationRevision(), a.agentId(), a.periodType(),
                a.from(), a.to(), a.weakKpis(), a.kpiScoresBefore(), a.topic(), a.trainerId(), a.dueDate(),
                a.overdue(today), a.assignedAt(), a.status().name(), a.status().labelZh(), a.completedBy(),
                a.completedAt(), a.note(), v.version());
    }
}
