package com.caseflow.console.cases;

import com.caseflow.console.services.RoutingViews;
import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.ServiceUnavailable;
import com.caseflow.console.services.Services;
import com.caseflow.console.web.FieldMessages;
import jakarta.servlet.http.HttpServletResponse;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One case: customer, contacts, history and deadlines, and the department's work on it — accept, note, transfer,
 * resolve — each sent with the version the page showed, so that a change by someone else meanwhile is a conflict the
 * page explains, keeping what was typed.
 */
@Controller
@RequestMapping("/cases/{id}")
@PreAuthorize("hasAnyRole('DEPARTMENT_STAFF', 'SUPERVISOR', 'MANAGER')")
class CaseController {

    private static final Set<String> ACTIONS = Set.of("accept", "notes", "transfer", "resolve");
    private static final int HISTORY_PAGE = 100;

    private final Services services;
    private final FieldMessages fieldMessages;

    CaseController(Services services, FieldMessages fieldMessages) {
        this.services = services;
        this.fieldMessages = fieldMessages;
    }

    @GetMapping
    String show(@PathVariable String id, Model model) {
        load(id, model);
        return "cases/case";
    }

    @PostMapping("/{action}")
    String act(@PathVariable String id, @PathVariable String action, @RequestParam long version,
               @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        if (!ACTIONS.contains(action)) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "refused";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        switch (action) {
            case "notes" -> body.put("note", form.getOrDefault("note", ""));
            case "transfer" -> {
                body.put("toDepartment", form.getOrDefault("toDepartment", ""));
                body.put("reason", form.getOrDefault("reason", ""));
            }
            case "resolve" -> body.put("resolution", form.getOrDefault("resolution", ""));
            default -> {
            }
        }
        try {
            services.routing().call(client -> client.post().uri("/api/v1/cases/{id}/{action}", id, action)
                    .header("If-Match", "\"" + version + "\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve().toBodilessEntity());
            return "redirect:/cases/" + id;
        } catch (ServiceProblem problem) {
            response.setStatus(problem.conflict() ? HttpServletResponse.SC_CONFLICT
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute(problem.conflict() ? "conflict" : "errors",
                    problem.conflict() ? Boolean.TRUE : fieldMessages.of(problem));
        } catch (ServiceUnavailable e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("unavailable", e.service());
        }
        // what was typed stays in the form; the case is shown as it is now
        model.addAttribute("typed", form);
        model.addAttribute("action", action);
        load(id, model);
        return "cases/case";
    }

    private void load(String id, Model model) {
        RoutingViews.Case shown = services.routing().call(client -> client.get().uri("/api/v1/cases/{id}", id)
                .retrieve().body(RoutingViews.Case.class));
        model.addAttribute("case", shown);
        List<RoutingViews.HistoryEntry> history = shown.history();
        if (!shown.holdsWholeHistory()) {
            // the newest page of the steps routing keeps apart: what happened last matters most on this page
            int last = (shown.historyCount() - 1) / HISTORY_PAGE;
            history = List.of(services.routing().call(client -> client.get()
                    .uri("/api/v1/cases/{id}/history?page={page}&size={size}", id, last, HISTORY_PAGE)
                    .retrieve().body(RoutingViews.HistoryEntry[].class)));
            if (last > 0) {
                model.addAttribute("earlierSteps", (long) last * HISTORY_PAGE);
            }
        }
        model.addAttribute("history", history);
        model.addAttribute("departments", services.routing().call(client -> client.get()
                .uri("/api/v1/departments").retrieve().body(RoutingViews.Department[].class)));
    }
}
