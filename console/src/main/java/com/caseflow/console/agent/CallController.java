package com.caseflow.console.agent;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The call agent's screen (接电): the form with its checklist and ring timer; beside it the caller's history and
 * cases and the project's facts ({@link ContactPanelsController}), and where the recorded call went.
 */
@Controller
@RequestMapping("/calls")
@PreAuthorize("hasRole('AGENT')")
class CallController {

    private final AgentWork work;

    CallController(AgentWork work) {
        this.work = work;
    }

    @GetMapping("/new")
    String form(Model model) {
        model.addAttribute("form", new CallForm());
        work.formOptions(model);
        return "calls/new";
    }

    @PostMapping
    String record(@ModelAttribute("form") CallForm form, Model model, HttpServletResponse response) {
        if (work.record("/api/v1/calls", form.getIdempotencyKey(), form.request(), model, response)) {
            model.addAttribute("form", new CallForm());
        }
        return "calls/new :: call-area";
    }
}
