package com.caseflow.console.spotchecks;

import com.caseflow.console.services.SpotCheckViews;
import com.caseflow.console.services.IntakeViews;
import com.caseflow.console.services.RecordingLinks;
import com.caseflow.console.services.RoutingViews;
import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.ServiceUnavailable;
import com.caseflow.console.services.Services;
import com.caseflow.console.web.FieldMessages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The supervisors' spot-check workbench (抽查工作台) on evaluation's spot-check API: the week's regular sample — drawn
 * once by the server, its seed shown for audit and never chosen here — and the reviewer's ad-hoc samples (临时抽查),
 * worked through contact by contact with the contact's record, its case history, the call's recording and the
 * scorecard. Managers read; only supervisors score and draw (evaluation decides who may, from the same token).
 */
@Controller
@RequestMapping("/spot-checks")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
class SpotCheckWorkbenchController {

    private static final String RATING = "rating.";
    private static final int AD_HOC_PER_AGENT = 3;

    private final Services services;
    private final FieldMessages fieldMessages;
    private final MessageSource messages;
    private final Clock clock;

    SpotCheckWorkbenchController(Services services, FieldMessages fieldMessages, MessageSource messages, Clock clock) {
        this.services = services;
        this.fieldMessages = fieldMessages;
        this.messages = messages;
        this.clock = clock;
    }

    /** The week's samples; by default the week before this one, whose regular sample is scored during this week. */
    @GetMapping
    String workbench(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
                     Model model) {
        loadWeek(monday(week), model);
        return "spot-checks/workbench";
    }

    /** An ad-hoc sample (临时抽查) of the reviewer's team: the period and K are chosen, the seed never is. */
    @PostMapping("/ad-hoc")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String drawAdHoc(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                     @RequestParam(defaultValue = "") String perAgent, Model model, HttpServletResponse response,
                     RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.strip());
        body.put("to", to.strip());
        body.put("perAgent", perAgent.isBlank() ? AD_HOC_PER_AGENT : number(perAgent, perAgent.strip()));
        try {
            SpotCheckViews.Sample drawn = services.evaluation().call(client -> client.post()
                    .uri("/api/v1/spot-checks/samples").contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().body(SpotCheckViews.Sample.class));
            redirect.addFlashAttribute("drawn", drawn.id());
            return "redirect:" + weekPath(drawn.from());
        } catch (ServiceProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", fieldMessages.of(problem, "adhoc"));
        } catch (ServiceUnavailable e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("unavailable", e.service());
        }
        model.addAttribute("typed", Map.of("from", from, "to", to, "perAgent", perAgent));
        LocalDate week = parse(from);
        loadWeek(monday(week), model);
        return "spot-checks/workbench";
    }

    @GetMapping("/{sampleId}/{contactId}")
    String item(@PathVariable String sampleId, @PathVariable String contactId, Model model,
                HttpServletResponse response) {
        return loadItem(sampleId, contactId, model, response) ? "spot-checks/item" : "refused";
    }

    @PostMapping("/{sampleId}/{contactId}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String score(@PathVariable String sampleId, @PathVariable String contactId,
                 @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        Map<String, Object> ratings = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(RATING) && value != null && !value.isBlank()) {
                // a value that is not a whole number goes as typed, so evaluation names the item it belongs to
                ratings.put(name.substring(RATING.length()), number(value, value.strip()));
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sampleId", sampleId);
        body.put("contactId", contactId);
        body.put("ratings", ratings);
        String comment = form.getOrDefault("comment", "").strip();
        if (!comment.isEmpty()) {
            body.put("comment", comment);
        }
        try {
            SpotCheckViews.SpotCheck saved = services.evaluation().call(client -> client.post()
                    .uri("/api/v1/spot-checks").contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().body(SpotCheckViews.SpotCheck.class));
            redirect.addFlashAttribute("saved", saved);
            SpotCheckViews.Sample sample;
            try {
                sample = sample(sampleId);
            } catch (ServiceUnavailable | ServiceProblem e) {
                // saved already: the item's own page shows the check once the sample can be read again
                return "redirect:" + itemPath(sampleId, contactId);
            }
            Optional<SpotCheckViews.SampleItem> next = sample.nextUnscored(contactId);
            if (next.isPresent()) {
                return "redirect:" + itemPath(sampleId, next.get().contactId());
            }
            redirect.addFlashAttribute("finished", sampleId);
            return "redirect:" + weekPath(sample.from());
        } catch (ServiceProblem problem) {
            response.setStatus(problem.conflict() ? HttpServletResponse.SC_CONFLICT
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problem", problem);
        } catch (ServiceUnavailable e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("unavailable", e.service());
        }
        model.addAttribute("typed", form);
        int status = response.getStatus();
        if (!loadItem(sampleId, contactId, model, response)) {
            return "refused";
        }
        response.setStatus(status);
        if (model.getAttribute("problem") instanceof ServiceProblem problem) {
            model.addAttribute("errors", errors(problem, (SpotCheckViews.Scorecard) model.getAttribute("scorecard")));
        }
        return "spot-checks/item";
    }

    /**
     * Evaluation names a rating {@code ratings.GREETING}: its sentence says which scorecard item, in the user's
     * language, and what is allowed; every other field as the console says it elsewhere.
     */
    private Map<String, String> errors(ServiceProblem problem, SpotCheckViews.Scorecard scorecard) {
        Map<String, String> errors = new LinkedHashMap<>(fieldMessages.of(problem, "spotcheck"));
        for (ServiceProblem.FieldError error : problem.errors()) {
            if (error.field().startsWith("ratings.")) {
                String code = error.field().substring("ratings.".length());
                errors.put(error.field(), messages.getMessage("spotcheck.error.rating",
                        new Object[]{scorecard.label(code), scorecard.maxRating()}, LocaleContextHolder.getLocale()));
            } else if (error.field().equals("contactId") || error.field().equals("sampleId")) {
                errors.remove(error.field());
                errors.put("_form", messages.getMessage("spotcheck.error.item", null,
                        LocaleContextHolder.getLocale()));
            }
        }
        return errors;
    }

    private boolean loadItem(String sampleId, String contactId, Model model, HttpServletResponse response) {
        SpotCheckViews.Sample sample = sample(sampleId);
        int index = sample.indexOf(contactId);
        if (index < 0) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("message", messages.getMessage("spotcheck.notInSample", null,
                    LocaleContextHolder.getLocale()));
            return false;
        }
        SpotCheckViews.SampleItem item = sample.items().get(index);
        model.addAttribute("sample", sample);
        model.addAttribute("item", item);
        model.addAttribute("position", index + 1);
        model.addAttribute("previous", index > 0 ? sample.items().get(index - 1) : null);
        model.addAttribute("next", index + 1 < sample.items().size() ? sample.items().get(index + 1) : null);
        model.addAttribute("nextUnscored", sample.nextUnscored(contactId).orElse(null));
        model.addAttribute("weekPath", weekPath(sample.from()));
        model.addAttribute("scorecard", services.evaluation().call(client -> client.get()
                .uri("/api/v1/spot-checks/scorecard").retrieve().body(SpotCheckViews.Scorecard.class)));
        // the record and the case help the reviewer but are not needed to score: either away, or no longer kept there
        // (evaluation counts facts that intake or routing may not hold any more), is a note, not an error
        IntakeViews.Contact contact = null;
        try {
            contact = services.intake().call(client -> client.get()
                    .uri("/api/v1/contacts/{id}", contactId).retrieve().body(IntakeViews.Contact.class));
        } catch (ServiceUnavailable e) {
            model.addAttribute("contactAway", e.service());
        } catch (ServiceProblem problem) {
            if (problem.status() != HttpStatus.NOT_FOUND.value()) {
                throw problem;
            }
            model.addAttribute("contactMissing", true);
        }
        model.addAttribute("contact", contact);
        String recording = item.recordingLink();
        model.addAttribute("recording", recording != null ? recording
                : contact == null ? null : RecordingLinks.safe(contact.call() == null ? null
                : contact.call().recordingUrl()));
        if (item.caseId() != null) {
            try {
                model.addAttribute("case", services.routing().call(client -> client.get()
                        .uri("/api/v1/cases/{id}", item.caseId()).retrieve().body(RoutingViews.Case.class)));
            } catch (ServiceUnavailable e) {
                model.addAttribute("caseAway", e.service());
            } catch (ServiceProblem problem) {
                if (problem.status() != HttpStatus.NOT_FOUND.value()) {
                    throw problem;
                }
                model.addAttribute("caseMissing", true);
            }
        }
        if (item.scored()) {
            model.addAttribute("check", services.evaluation().call(client -> client.get()
                    .uri("/api/v1/spot-checks/{id}", item.spotCheckId()).retrieve()
                    .body(SpotCheckViews.SpotCheck.class)));
        }
        return true;
    }

    private void loadWeek(LocalDate monday, Model model) {
        LocalDate sunday = monday.plusDays(6);
        List<SpotCheckViews.Sample> samples = Arrays.asList(services.evaluation().call(client -> client.get()
                .uri(uri -> uri.path("/api/v1/spot-checks/samples").queryParam("from", monday)
                        .queryParam("to", sunday).build())
                .retrieve().body(SpotCheckViews.Sample[].class)));
        model.addAttribute("monday", monday);
        model.addAttribute("sunday", sunday);
        model.addAttribute("previousWeek", monday.minusWeeks(1));
        model.addAttribute("nextWeek", monday.plusWeeks(1));
        model.addAttribute("regular", samples.stream()
                .filter(s -> s.regular() && monday.equals(s.from())).findFirst().orElse(null));
        model.addAttribute("adHoc", samples.stream().filter(s -> !s.regular()).toList());
    }

    private SpotCheckViews.Sample sample(String sampleId) {
        return services.evaluation().call(client -> client.get().uri("/api/v1/spot-checks/samples/{id}", sampleId)
                .retrieve().body(SpotCheckViews.Sample.class));
    }

    private LocalDate monday(LocalDate week) {
        LocalDate day = week != null ? week : LocalDate.now(clock).minusWeeks(1);
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static String weekPath(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return "/spot-checks?week=" + monday;
    }

    static String itemPath(String sampleId, String contactId) {
        return UriComponentsBuilder.fromPath("/spot-checks/{sample}/{contact}")
                .buildAndExpand(sampleId, contactId).encode().toUriString();
    }

    private static LocalDate parse(String day) {
        try {
            return LocalDate.parse(day.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static Object number(String text, Object otherwise) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
