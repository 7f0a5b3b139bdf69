package com.caseflow.console.training;

import com.caseflow.console.services.EvaluationViews;
import com.caseflow.console.services.Page;
import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.Services;
import com.caseflow.console.web.FieldMessages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training (培训) the evaluations assigned, as evaluation shows them to the signed-in person: agents their own,
 * supervisors their team's, trainers those they give, managers all. The trainer, the agent's supervisor or a manager
 * records a training as given, once, with an optional note; evaluation decides who may, the page only offers it.
 * Department staff may open the page because anyone may be named a trainer.
 */
@Controller
@RequestMapping("/training")
@PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'MANAGER', 'DEPARTMENT_STAFF')")
class TrainingController {

    static final List<String> STATUSES = List.of("ASSIGNED", "COMPLETED");
    private static final int PAGE_SIZE = 20;
    private static final ParameterizedTypeReference<Page<EvaluationViews.TrainingAssignment>> ASSIGNMENTS =
            new ParameterizedTypeReference<>() {
            };

    private final Services services;
    private final FieldMessages fieldMessages;

    TrainingController(Services services, FieldMessages fieldMessages) {
        this.services = services;
        this.fieldMessages = fieldMessages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String agentId,
                @RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
        String statusFilter = status != null && STATUSES.contains(status) ? status : null;
        String agentFilter = agentId == null || agentId.isBlank() ? null : agentId.strip();
        int pageNumber = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("status", statusFilter);
        model.addAttribute("agentId", agentFilter);
        model.addAttribute("page", pageNumber);
        model.addAttribute("statuses", STATUSES);
        try {
            model.addAttribute("assignments", services.evaluation().call(client -> client.get()
                    .uri(uri -> {
                        uri.path("/api/v1/training/assignments").queryParam("page", pageNumber)
                                .queryParam("size", PAGE_SIZE);
                        if (agentFilter != null) {
                            uri.queryParam("agentId", agentFilter);
                        }
                        if (statusFilter != null) {
                            uri.queryParam("status", statusFilter);
                        }
                        return uri.build();
                    })
                    .retrieve().body(ASSIGNMENTS)));
        } catch (ServiceProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            // a staff id evaluation cannot read: said beside the filter, the list left empty
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", fieldMessages.of(problem, "training"));
            model.addAttribute("assignments", new Page<EvaluationViews.TrainingAssignment>(List.of(), 0, PAGE_SIZE,
                    0, 0));
        }
        return "training/list";
    }

    @GetMapping("/{id}")
    String assignment(@PathVariable String id, Model model) {
        model.addAttribute("assignment", read(id));
        return "training/assignment";
    }

    /** The training recorded as given; {@code {}} when no note was typed. */
    @PostMapping("/{id}/completion")
    String complete(@PathVariable String id, @RequestParam(defaultValue = "") String note,
                    Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        Map<String, String> body = new LinkedHashMap<>();
        if (!note.isBlank()) {
            body.put("note", note.strip());
        }
        try {
            services.evaluation().call(client -> client.post()
                    .uri("/api/v1/training/assignments/{id}/completion", id)
                    .contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().toBodilessEntity());
            redirect.addFlashAttribute("completed", true);
            return "redirect:/training/" + id;
        } catch (ServiceProblem problem) {
            if (problem.status() == 404) {
                throw problem;
            }
            response.setStatus(problem.conflict() ? HttpServletResponse.SC_CONFLICT
                    : problem.status() == 403 ? HttpServletResponse.SC_FORBIDDEN
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", fieldMessages.of(problem, "training"));
            model.addAttribute("typedNote", note);
        }
        model.addAttribute("assignment", read(id));
        return "training/assignment";
    }

    private EvaluationViews.TrainingAssignment read(String id) {
        return services.evaluation().call(client -> client.get().uri("/api/v1/training/assignments/{id}", id)
                .retrieve().body(EvaluationViews.TrainingAssignment.class));
    }
}
