package com.caseflow.console.agent;

import com.caseflow.console.live.LiveCases;
import com.caseflow.console.services.IntakeViews;
import com.caseflow.console.services.Page;
import com.caseflow.console.services.RoutingViews;
import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.ServiceUnavailable;
import com.caseflow.console.services.Services;
import com.caseflow.console.web.FieldMessages;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.ContactCategory;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.HtmlUtils;

import java.util.List;

/**
 * The call agent's screen (接电): the form with its checklist and ring timer, the caller's history and cases beside
 * it while the number is typed, the project's facts, and where the recorded call went.
 */
@Controller
@RequestMapping("/calls")
@PreAuthorize("hasRole('AGENT')")
class CallController {

    private static final ParameterizedTypeReference<List<IntakeViews.Project>> PROJECTS =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<Page<IntakeViews.Contact>> CONTACTS =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<Page<RoutingViews.CallerCase>> CALLER_CASES =
            new ParameterizedTypeReference<>() {
            };

    private final Services services;
    private final LiveCases live;
    private final FieldMessages fieldMessages;
    private final MessageSource messages;

    CallController(Services services, LiveCases live, FieldMessages fieldMessages, MessageSource messages) {
        this.services = services;
        this.live = live;
        this.fieldMessages = fieldMessages;
        this.messages = messages;
    }

    @GetMapping("/new")
    String form(Model model) {
        model.addAttribute("form", new CallForm());
        formOptions(model);
        return "calls/new";
    }

    @PostMapping
    String record(@ModelAttribute("form") CallForm form, Model model, HttpServletResponse response) {
        try {
            IntakeViews.Contact contact = services.intake().call(client -> client.post().uri("/api/v1/calls")
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", form.getIdempotencyKey())
                    .body(form.request())
                    .retrieve().body(IntakeViews.Contact.class));
            model.addAttribute("recorded", contact);
            model.addAttribute("form", new CallForm());
        } catch (ServiceProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", fieldMessages.of(problem));
        } catch (ServiceUnavailable e) {
            // the form keeps everything typed and the same idempotency key: sending again records it once
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("unavailable", e.service());
        }
        formOptions(model);
        return "calls/new :: call-area";
    }

    /** The caller's past contacts and their cases' status, while the agent types the number. */
    @GetMapping("/caller")
    String caller(@RequestParam(defaultValue = "") String phone, Model model) {
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 7) {
            return "calls/caller :: empty";
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
                return "calls/caller :: empty";
            }
            throw problem;
        }
        return "calls/caller :: caller";
    }

    @GetMapping("/project")
    String project(@RequestParam(defaultValue = "") String projectCode, Model model) {
        if (projectCode.isBlank()) {
            return "calls/project :: empty";
        }
        model.addAttribute("project", services.intake().call(client -> client.get()
                .uri("/api/v1/projects/{code}", projectCode).retrieve().body(IntakeViews.Project.class)));
        return "calls/project :: project";
    }

    /** Tells the page once where the contact went: the case it opened or joined, and its department. */
    @GetMapping(path = "/{contactId}/outcome", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter outcome(@PathVariable String contactId) {
        var locale = LocaleContextHolder.getLocale();
        return live.contact(contactId, outcome -> {
            String department = messages.getMessage("department." + outcome.departmentCode(), null,
                    outcome.departmentCode(), locale);
            String text = messages.getMessage(outcome.attached() ? "call.outcome.attached" : "call.outcome.routed",
                    new Object[]{outcome.caseId(), department}, locale);
            return "<span class=\"outcome\" data-case=\"" + HtmlUtils.htmlEscape(outcome.caseId()) + "\">"
                    + HtmlUtils.htmlEscape(text) + "</span>";
        });
    }

    private void formOptions(Model model) {
        model.addAttribute("callerTypes", CallerType.values());
        model.addAttribute("categories", ContactCategory.values());
        List<IntakeViews.Project> projects;
        try {
            projects = services.intake().call(client -> client.get().uri("/api/v1/projects").retrieve()
                    .body(PROJECTS));
        } catch (ServiceUnavailable e) {
            // the form still shows, with the project typed so far; the banner says intake is away
            projects = List.of();
            model.addAttribute("unavailable", e.service());
        }
        model.addAttribute("projects", projects);
    }

}
