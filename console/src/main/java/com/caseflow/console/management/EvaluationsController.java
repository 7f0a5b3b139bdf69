package com.caseflow.console.management;

import com.caseflow.console.services.EvaluationViews;
import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.Services;
import com.caseflow.console.web.FieldMessages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluations (考核) for managers: the agents' and departments' rankings of a period with the change against the
 * period before, running a week's or a month's evaluation (evaluation's own run, which publishes the outcomes), and
 * each outcome of a run period with its reasons and weak KPIs.
 */
@Controller
@RequestMapping("/evaluations")
@PreAuthorize("hasRole('MANAGER')")
class EvaluationsController {

    private static final Set<String> PERIOD_TYPES = Set.of("WEEK", "MONTH");
    private static final List<String> DECISION_OUTCOMES = List.of("COMMENDATION", "NONE", "TRAINING", "WARNING");
    private static final ParameterizedTypeReference<EvaluationViews.Board<EvaluationViews.AgentRow>> AGENTS =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<EvaluationViews.Board<EvaluationViews.DepartmentRow>>
            DEPARTMENTS = new ParameterizedTypeReference<>() {
            };

    private final Services services;
    private final Clock clock;
    private final FieldMessages fieldMessages;

    EvaluationsController(Services services, Clock clock, FieldMessages fieldMessages) {
        this.services = services;
        this.clock = clock;
        this.fieldMessages = fieldMessages;
    }

    @GetMapping
    String evaluations(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @RequestParam(required = false) String periodType,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                       LocalDate start, Model model) {
        load(ReportPeriod.of(from, to, clock), periodType(periodType), start, model);
        return "evaluations/evaluations";
    }

    /** Runs evaluation's evaluation of a week (from a Monday) or a month (from the 1st); evaluation checks both. */
    @PostMapping("/run")
    String run(@RequestParam(defaultValue = "") String periodType, @RequestParam(defaultValue = "") String start,
               Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> body = new LinkedHashMap<>();
        // sent as chosen, blank included: evaluation names what is missing or wrong
        body.put("periodType", periodType.strip());
        body.put("start", start.strip());
        try {
            EvaluationViews.Run run = services.evaluation().call(client -> client.post().uri("/api/v1/evaluations")
                    .contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().body(EvaluationViews.Run.class));
            redirect.addFlashAttribute("run", run);
            redirect.addAttribute("periodType", run.periodType());
            // ISO dates as text: the web layer's formatter would write a LocalDate the date parameters cannot read
            redirect.addAttribute("start", run.from().toString());
            redirect.addAttribute("from", run.from().toString());
            redirect.addAttribute("to", run.to().toString());
            return "redirect:/evaluations";
        } catch (ServiceProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", fieldMessages.of(problem, "evaluation"));
            model.addAttribute("typed", body);
        }
        load(ReportPeriod.of(null, null, clock), null, null, model);
        return "evaluations/evaluations";
    }

    /**
     * A manager confirms (确认) the commendation or warning an evaluation recommends, or overrides it (改判) with the
     * outcome that stands and why. The outcome is sent only with an override; evaluation names what is missing or
     * wrong, and refuses a second confirmation (409).
     */
    @PostMapping("/{id}/decision")
    String decide(@PathVariable String id, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(required = false) String periodType,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> body = new LinkedHashMap<>();
        if (!decision.isBlank()) {
            body.put("decision", decision.strip());
        }
        if ("OVERRIDDEN".equals(decision.strip()) && !outcome.isBlank()) {
            body.put("outcome", outcome.strip());
        }
        if (!reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        try {
            services.evaluation().call(client -> client.post().uri("/api/v1/evaluations/{id}/decision", id)
                    .contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().toBodilessEntity());
            redirect.addFlashAttribute("decided", id);
            if (periodType(periodType) != null && start != null) {
                redirect.addAttribute("periodType", periodType);
                redirect.addAttribute("start", start.toString());
            }
            return "redirect:/evaluations";
        } catch (ServiceProblem problem) {
            if (problem.status() == 404) {
                throw problem;
            }
            response.setStatus(problem.conflict() ? HttpServletResponse.SC_CONFLICT
                    : problem.status() == 403 ? HttpServletResponse.SC_FORBIDDEN
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("decisionFailed", id);
            model.addAttribute("decisionErrors", fieldMessages.of(problem, "decision"));
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("decision", decision);
            typed.put("outcome", outcome);
            typed.put("reason", reason);
            model.addAttribute("decisionTyped", typed);
        }
        load(ReportPeriod.of(null, null, clock), periodType(periodType), start, model);
        return "evaluations/evaluations";
    }

    /** A period's outcomes as evaluation's Excel sheet. */
    @GetMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam String periodType,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start) {
        String type = periodType(periodType);
        if (type == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "periodType");
        }
        return Downloads.xlsx(services.evaluation(), uri -> uri.path("/api/v1/evaluations")
                        .queryParam("periodType", type).queryParam("start", start).queryParam("format", "xlsx").build(),
                "考核结果-" + type + "-" + start);
    }

    private void load(ReportPeriod period, String periodType, LocalDate start, Model model) {
        model.addAttribute("period", period);
        model.addAttribute("agents", services.evaluation().call(client -> client.get()
                .uri(uri -> uri.path("/api/v1/reports/agents").queryParam("from", period.from())
                        .queryParam("to", period.to()).build())
                .retrieve().body(AGENTS)));
        model.addAttribute("departments", services.evaluation().call(client -> client.get()
                .uri(uri -> uri.path("/api/v1/reports/departments").queryParam("from", period.from())
                        .queryParam("to", period.to()).build())
                .retrieve().body(DEPARTMENTS)));
        // the outcomes of the month before unless another run period was chosen
        String type = periodType == null ? "MONTH" : periodType;
        LocalDate today = LocalDate.now(clock);
        LocalDate first = start != null ? start : today.minusMonths(1).withDayOfMonth(1);
        if (start == null && "WEEK".equals(type)) {
            first = today.minusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        LocalDate outcomesStart = first;
        model.addAttribute("periodType", type);
        model.addAttribute("start", outcomesStart);
        model.addAttribute("outcomes", services.evaluation().call(client -> client.get()
                .uri(uri -> uri.path("/api/v1/evaluations").queryParam("periodType", type)
                        .queryParam("start", outcomesStart).build())
                .retrieve().body(EvaluationViews.Evaluations.class)));
        model.addAttribute("lastMonth", today.minusMonths(1).withDayOfMonth(1));
        model.addAttribute("decisionOutcomes", DECISION_OUTCOMES);
    }

    private static String periodType(String value) {
        return value != null && PERIOD_TYPES.contains(value) ? value : null;
    }
}
