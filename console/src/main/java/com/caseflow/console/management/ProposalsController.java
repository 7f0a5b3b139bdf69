package com.caseflow.console.management;

import com.caseflow.console.services.EvaluationViews;
import com.caseflow.console.services.Page;
import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.Services;
import com.caseflow.console.web.FieldMessages;
import com.caseflow.events.contact.ContactCategory;
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

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Improvement proposals (改进建议) against recurring project × category issues, through evaluation's proposals API:
 * recorded with an owner and a due date, then moved through their status; each shows the weekly volume
 * before it was recorded and since, and whether it fell.
 */
@Controller
@RequestMapping("/proposals")
@PreAuthorize("hasRole('MANAGER')")
class ProposalsController {

    static final List<String> STATUSES = List.of("PROPOSED", "IN_PROGRESS", "DONE", "DROPPED");
    static final List<String> CATEGORIES = Arrays.stream(ContactCategory.values()).map(Enum::name).toList();
    private static final int PAGE_SIZE = 20;
    private static final ParameterizedTypeReference<Page<EvaluationViews.Proposal>> PROPOSALS =
            new ParameterizedTypeReference<>() {
            };

    private final Services services;
    private final FieldMessages fieldMessages;

    ProposalsController(Services services, FieldMessages fieldMessages) {
        this.services = services;
        this.fieldMessages = fieldMessages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) String projectCode, @RequestParam(required = false) String category,
                Model model) {
        Map<String, String> typed = new LinkedHashMap<>();
        String project = DashboardController.code(projectCode);
        if (project != null) {
            typed.put("projectCode", project);
        }
        if (category != null && CATEGORIES.contains(category)) {
            typed.put("category", category);
        }
        model.addAttribute("typed", typed);
        load(status, page, model);
        return "proposals/proposals";
    }

    @PostMapping
    String record(@RequestParam(defaultValue = "") String projectCode, @RequestParam(defaultValue = "") String category,
                  @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String description,
                  @RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "") String dueDate,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> body = new LinkedHashMap<>();
        // sent as typed, blanks included: evaluation names each missing or wrong field
        body.put("projectCode", projectCode.strip());
        body.put("category", category.strip());
        body.put("title", title.strip());
        if (!description.isBlank()) {
            body.put("description", description.strip());
        }
        body.put("owner", owner.strip());
        body.put("dueDate", dueDate.strip());
        try {
            EvaluationViews.Proposal recorded = services.evaluation().call(client -> client.post()
                    .uri("/api/v1/issues/proposals").contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().body(EvaluationViews.Proposal.class));
            redirect.addFlashAttribute("recorded", recorded == null ? null : recorded.id());
            return "redirect:/proposals";
        } catch (ServiceProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", fieldMessages.of(problem, "proposal"));
        }
        body.put("description", description);
        model.addAttribute("typed", body);
        load(null, 0, model);
        return "proposals/proposals";
    }

    /** Owner, due date or status changed, as of the version the manager saw (evaluation refuses a stale one). */
    @PostMapping("/{id}")
    String change(@PathVariable String id, @RequestParam(defaultValue = "") String status,
                  @RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "") String dueDate,
                  @RequestParam(required = false) Long version, @RequestParam(defaultValue = "0") int page,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> body = new LinkedHashMap<>();
        if (!status.isBlank()) {
            body.put("status", status.strip());
        }
        if (!owner.isBlank()) {
            body.put("owner", owner.strip());
        }
        if (!dueDate.isBlank()) {
            body.put("dueDate", dueDate.strip());
        }
        try {
            services.evaluation().call(client -> {
                var request = client.patch().uri("/api/v1/issues/proposals/{id}", id)
                        .contentType(MediaType.APPLICATION_JSON).body(body);
                if (version != null) {
                    request = request.header("If-Match", "\"" + version + "\"");
                }
                return request.retrieve().toBodilessEntity();
            });
            redirect.addFlashAttribute("changed", id);
            redirect.addAttribute("page", page);
            return "redirect:/proposals";
        } catch (ServiceProblem problem) {
            model.addAttribute("failedProposal", id);
            if (problem.conflict()) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                model.addAttribute("conflict", true);
            } else {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("changeErrors", fieldMessages.of(problem, "proposal"));
            }
        }
        model.addAttribute("typed", Map.of());
        load(null, page, model);
        return "proposals/proposals";
    }

    private void load(String status, int page, Model model) {
        String statusFilter = status != null && STATUSES.contains(status) ? status : null;
        int pageNumber = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("proposals", services.evaluation().call(client -> client.get()
                .uri(uri -> {
                    uri.path("/api/v1/issues/proposals").queryParam("page", pageNumber)
                            .queryParam("size", PAGE_SIZE);
                    if (statusFilter != null) {
                        uri.queryParam("status", statusFilter);
                    }
                    return uri.build();
                })
                .retrieve().body(PROPOSALS)));
        model.addAttribute("status", statusFilter);
        model.addAttribute("page", pageNumber);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("categories", CATEGORIES);
    }
}
