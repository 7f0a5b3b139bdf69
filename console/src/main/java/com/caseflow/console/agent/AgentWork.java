package com.caseflow.console.agent;

import com.caseflow.console.services.IntakeViews;
import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.ServiceUnavailable;
import com.caseflow.console.services.Services;
import com.caseflow.console.web.FieldMessages;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.ContactCategory;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the call and the visit form share: the options they offer, and recording at intake so that a refusal names
 * each field beside it and an outage keeps everything typed (with the same idempotency key: sent again, it records
 * once).
 */
@Component
class AgentWork {

    private static final ParameterizedTypeReference<List<IntakeViews.Project>> PROJECTS =
            new ParameterizedTypeReference<>() {
            };

    /** The catalogue changes a few times a year; a fresh form after every recorded call need not ask for it. */
    private static final Duration PROJECTS_FRESH = Duration.ofMinutes(1);

    private final Services services;
    private final FieldMessages fieldMessages;
    private final Clock clock;
    private volatile Catalogue catalogue;

    AgentWork(Services services, FieldMessages fieldMessages, Clock clock) {
        this.services = services;
        this.fieldMessages = fieldMessages;
        this.clock = clock;
    }

    private record Catalogue(List<IntakeViews.Project> projects, Instant fetchedAt) {
    }

    /**
     * Records at intake ({@code /api/v1/calls} or {@code /api/v1/visits}); on success the model holds
     * {@code recorded}, otherwise {@code errors} or {@code unavailable}. True when recorded.
     */
    boolean record(String path, String idempotencyKey, Map<String, Object> body, Model model,
                   HttpServletResponse response) {
        try {
            model.addAttribute("recorded", services.intake().call(client -> client.post().uri(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", idempotencyKey)
                    .body(body)
                    .retrieve().body(IntakeViews.Contact.class)));
            return true;
        } catch (ServiceProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", fieldMessages.of(problem));
        } catch (ServiceUnavailable e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("unavailable", e.service());
        } finally {
            formOptions(model);
        }
        return false;
    }

    void formOptions(Model model) {
        model.addAttribute("callerTypes", CallerType.values());
        model.addAttribute("categories", ContactCategory.values());
        model.addAttribute("projects", projects(model));
    }

    private List<IntakeViews.Project> projects(Model model) {
        Catalogue known = catalogue;
        if (known != null && known.fetchedAt().plus(PROJECTS_FRESH).isAfter(clock.instant())) {
            return known.projects();
        }
        try {
            List<IntakeViews.Project> projects = services.intake().call(client -> client.get()
                    .uri("/api/v1/projects").retrieve().body(PROJECTS));
            catalogue = new Catalogue(projects, clock.instant());
            return projects;
        } catch (ServiceUnavailable e) {
            // the form still shows, with the projects known before or the one typed so far; the banner says why
            model.addAttribute("unavailable", e.service());
            return known == null ? List.of() : known.projects();
        }
    }
}
