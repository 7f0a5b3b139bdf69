package com.caseflow.console.missedcalls;

import com.caseflow.console.services.FollowUpViews;
import com.caseflow.console.services.Page;
import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.ServiceUnavailable;
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
import java.util.Map;
import java.util.Set;

/**
 * Missed calls to call back (未接来电回拨): follow-up's call-back tasks, one per number nobody answered, soonest due
 * first; each with the outcome of the call-back — reached, no answer, wrong number — and, for an agent, the call form
 * filled with the number to record what the caller wanted.
 */
@Controller
@RequestMapping("/missed-calls")
@PreAuthorize("principal.staff().missedCalls()")
class MissedCallController {

    private static final ParameterizedTypeReference<Page<FollowUpViews.MissedCall>> TASKS =
            new ParameterizedTypeReference<>() {
            };
    private static final Set<String> STATUSES = Set.of("OPEN", "CLOSED");

    private final Services services;
    private final FieldMessages fieldMessages;

    MissedCallController(Services services, FieldMessages fieldMessages) {
        this.services = services;
        this.fieldMessages = fieldMessages;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "OPEN") String status, @RequestParam(defaultValue = "0") int page,
                Model model) {
        load(STATUSES.contains(status) ? status : "OPEN", page, model);
        return "missed-calls/list";
    }

    @PostMapping("/{id}/attempts")
    String attempt(@PathVariable String id, @RequestParam(defaultValue = "") String outcome,
                   @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "0") int page,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        // sent as chosen, blank included: follow-up names a missing or unknown outcome
        body.put("outcome", outcome.strip());
        if (!note.isBlank()) {
            body.put("note", note.strip());
        }
        try {
            services.followup().call(client -> client.post().uri("/api/v1/missed-calls/{id}/attempts", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve().toBodilessEntity());
            redirect.addFlashAttribute("recordedTask", id);
            redirect.addAttribute("page", page);
            return "redirect:/missed-calls";
        } catch (ServiceProblem problem) {
            model.addAttribute("failedTask", id);
            if (problem.conflict()) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                model.addAttribute("conflict", true);
            } else {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("errors", fieldMessages.of(problem, "missed"));
            }
        } catch (ServiceUnavailable e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("failedTask", id);
            model.addAttribute("unavailable", e.service());
        }
        model.addAttribute("typed", Map.of("outcome", outcome, "note", note));
        load("OPEN", page, model);
        return "missed-calls/list";
    }

    private void load(String status, int page, Model model) {
        int pageNumber = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("tasks", services.followup().call(client -> client.get()
                .uri(uri -> uri.path("/api/v1/missed-calls").queryParam("status", status)
                        .queryParam("page", pageNumber).queryParam("size", 20).build())
                .retrieve().body(TASKS)));
        model.addAttribute("status", status);
        model.addAttribute("page", pageNumber);
        model.addAttribute("outcomes", new String[]{"REACHED", "NO_ANSWER", "WRONG_NUMBER"});
    }
}
