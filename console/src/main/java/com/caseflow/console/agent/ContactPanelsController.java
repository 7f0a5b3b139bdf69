package com.caseflow.console.agent;

import com.caseflow.console.live.LiveCases;
import com.caseflow.console.services.IntakeViews;
import com.caseflow.console.services.Page;
import com.caseflow.console.services.RoutingViews;
import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.Services;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.HtmlUtils;

/**
 * What stands beside an agent's call or visit form: the caller's cases and past contacts while the number is typed,
 * the project's facts, and — once recorded — which case the contact went to, as soon as routing has routed it.
 */
@Controller
@RequestMapping("/contacts")
@PreAuthorize("hasRole('AGENT')")
class ContactPanelsController {

    private static final ParameterizedTypeReference<Page<IntakeViews.Contact>> CONTACTS =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<Page<RoutingViews.CallerCase>> CALLER_CASES =
            new ParameterizedTypeReference<>() {
            };

    private final Services services;
    private final LiveCases live;
    private final MessageSource messages;

    ContactPanelsController(Services services, LiveCases live, MessageSource messages) {
        this.services = services;
        this.live = live;
        this.messages = messages;
    }

    /** The caller's past contacts and their cases' status, while the agent types the number. */
    @GetMapping("/caller")
    String caller(@RequestParam(defaultValue = "") String phone, Model model) {
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 7) {
            return "contacts/caller :: empty";
        }
        try {
            Page<IntakeViews.Contact> history = services.intake().call(client -> client.get()
                    .uri(uri -> uri.path("/api/v1/contacts").queryParam("phone", phone).queryParam("size", 5)
                            .build())
                    .retrieve().body(CONTACTS));
            model.addAttribute("contacts", history.content());
            Page<RoutingViews.CallerCase> cases = services.routing().call(client -> client.get()
                    .uri(uri -> uri.path("/api/v1/cases").queryParam("phone", phone).queryParam("size", 5).build())
                    .retrieve().body(CALLER_CASES));
            model.addAttribute("cases", cases.content());
        } catch (ServiceProblem problem) {
            if (problem.status() == 400) {
                // a number still being typed, or not a number: nothing to show yet
                return "contacts/caller :: empty";
            }
            throw problem;
        }
        return "contacts/caller :: caller";
    }

    @GetMapping("/project")
    String project(@RequestParam(defaultValue = "") String projectCode, Model model) {
        if (projectCode.isBlank()) {
            return "contacts/project :: empty";
        }
        model.addAttribute("project", services.intake().call(client -> client.get()
                .uri("/api/v1/projects/{code}", projectCode).retrieve().body(IntakeViews.Project.class)));
        return "contacts/project :: project";
    }

    /** Tells the page once where the contact went: the case it opened or joined, and its department. */
    @GetMapping(path = "/{contactId}/outcome", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter outcome(@PathVariable String contactId) {
        var locale = LocaleContextHolder.getLocale();
        return live.contact(contactId, outcome -> {
            String department = messages.getMessage("department." + outcome.departmentCode(), null,
                    outcome.departmentCode(), locale);
            String text = messages.getMessage(outcome.attached() ? "contact.outcome.attached" : "contact.outcome.routed",
                    new Object[]{outcome.caseId(), department}, locale);
            return "<span class=\"outcome\" data-case=\"" + HtmlUtils.htmlEscape(outcome.caseId()) + "\">"
                    + HtmlUtils.htmlEscape(text) + "</span>";
        });
    }
}
