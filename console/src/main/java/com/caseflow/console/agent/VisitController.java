package com.caseflow.console.agent;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The reception agent's screen (接访): arrival and greeting by buttons, the visitor, the purpose and the host. */
@Controller
@RequestMapping("/visits")
@PreAuthorize("hasRole('AGENT')")
class VisitController {

    private final AgentWork work;

    VisitController(AgentWork work) {
        this.work = work;
    }

    @GetMapping("/new")
    String form(Model model) {
        model.addAttribute("form", new VisitForm());
        work.formOptions(model);
        return "visits/new";
    }

    @PostMapping
    String record(@ModelAttribute("form") VisitForm form, Model model, HttpServletResponse response) {
        if (work.record("/api/v1/visits", form.getIdempotencyKey(), form.request(), model, response)) {
            model.addAttribute("form", new VisitForm());
        }
        return "visits/new :: visit-area";
    }
}
