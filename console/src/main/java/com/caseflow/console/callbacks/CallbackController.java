package com.caseflow.console.callbacks;

import com.caseflow.console.live.LiveCases;
import com.caseflow.console.services.FollowUpViews;
import com.caseflow.console.services.Page;
import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.ServiceUnavailable;
import com.caseflow.console.services.Services;
import com.caseflow.console.web.FieldMessages;
import com.caseflow.events.EventTypes;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.HtmlUtils;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Customer service's callbacks (回访): the queue, soonest due first, and the outcome of a call — not reached, or
 * reached with satisfaction, resolved or not and a comment. An unsatisfied outcome reopens the case at routing.
 */
@Controller
@RequestMapping("/callbacks")
@PreAuthorize("principal.staff().callbacks()")
class CallbackController {

    private static final ParameterizedTypeReference<Page<FollowUpViews.Callback>> CALLBACKS =
            new ParameterizedTypeReference<>() {
            };

    private final Services services;
    private final FieldMessages fieldMessages;
    private final LiveCases live;
    private final MessageSource messages;

    CallbackController(Services services, FieldMessages fieldMessages, LiveCases live, MessageSource messages) {
        this.services = services;
        this.fieldMessages = fieldMessages;
        this.live = live;
        this.messages = messages;
    }

    @GetMapping
    String queue(@RequestParam(defaultValue = "0") int page, Model model) {
        int pageNumber = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("callbacks", services.followup().call(client -> client.get()
                .uri(uri -> uri.path("/api/v1/callbacks").queryParam("status", "QUEUED")
                        .queryParam("page", pageNumber).queryParam("size", 20).build())
                .retrieve().body(CALLBACKS)));
        model.addAttribute("page", pageNumber);
        return "callbacks/queue";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        load(id, model);
        model.addAttribute("attemptKey", UUID.randomUUID().toString());
        return "callbacks/callback";
    }

    @PostMapping("/{id}/attempts")
    String attempt(@PathVariable String id, @RequestParam long version, @RequestParam String attemptKey,
                   @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean reached = "true".equals(form.get("reached"));
        body.put("reached", reached);
        if (reached) {
            putNumber(body, "satisfaction", form.get("satisfaction"));
            if (form.get("resolved") != null) {
                body.put("resolved", "true".equals(form.get("resolved")));
            }
        }
        if (form.get("comment") != null && !form.get("comment").isBlank()) {
            body.put("comment", form.get("comment").strip());
        }
        try {
            services.followup().call(client -> client.post().uri("/api/v1/callbacks/{id}/attempts", id)
                    .header("If-Match", "\"" + version + "\"")
                    .header("Idempotency-Key", attemptKey)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve().toBodilessEntity());
            return "redirect:/callbacks/" + id;
        } catch (ServiceProblem problem) {
            response.setStatus(problem.conflict() ? HttpServletResponse.SC_CONFLICT
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            if (problem.conflict()) {
                model.addAttribute("conflict", true);
            } else {
                model.addAttribute("errors", fieldMessages.of(problem));
            }
        } catch (ServiceUnavailable e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("unavailable", e.service());
        }
        model.addAttribute("typed", form);
        model.addAttribute("attemptKey", attemptKey);
        load(id, model);
        return "callbacks/callback";
    }

    private static void putNumber(Map<String, Object> body, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            body.put(field, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            // sent as typed: follow-up names the field
            body.put(field, value);
        }
    }

    /**
     * What happens to the callback's case from now on, pushed as it happens — above all its reopening after an
     * unsatisfied callback. Customer service may not read other departments' cases at routing; this stream tells only
     * the kind of step and the department.
     */
    @GetMapping(path = "/{id}/case-events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter caseEvents(@PathVariable String id) {
        FollowUpViews.Callback callback = services.followup().call(client -> client.get()
                .uri("/api/v1/callbacks/{id}", id).retrieve().body(FollowUpViews.Callback.class));
        Locale locale = LocaleContextHolder.getLocale();
        return live.caseChanges(callback.caseId(), event -> {
            String department = messages.getMessage("department." + event.departmentCode(), null,
                    event.departmentCode(), locale);
            String step = messages.getMessage("history." + event.type(), null, event.type(), locale);
            boolean reopened = EventTypes.CASE_REOPENED.equals(event.type());
            String text = reopened ? messages.getMessage("callbacks.caseReopened", new Object[]{department}, locale)
                    : messages.getMessage("callbacks.caseStep", new Object[]{step, department}, locale);
            return "<span class=\"case-event" + (reopened ? " reopened" : "") + "\" data-type=\""
                    + HtmlUtils.htmlEscape(event.type()) + "\">" + HtmlUtils.htmlEscape(text) + "</span>";
        });
    }

    private void load(String id, Model model) {
        ResponseEntity<FollowUpViews.Callback> found = services.followup().call(client -> client.get()
                .uri("/api/v1/callbacks/{id}", id).retrieve().toEntity(FollowUpViews.Callback.class));
        model.addAttribute("callback", found.getBody());
        // the version travels as the ETag only: "3"
        String etag = found.getHeaders().getETag();
        model.addAttribute("version", etag == null ? "" : etag.replaceFirst("^W/", "").replace("\"", ""));
    }
}
