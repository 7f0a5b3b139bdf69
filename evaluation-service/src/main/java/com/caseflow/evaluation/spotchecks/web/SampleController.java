package com.caseflow.evaluation.spotchecks.web;

import com.caseflow.evaluation.spotchecks.application.Samples;
import com.caseflow.evaluation.spotchecks.domain.Sample;
import com.caseflow.evaluation.spotchecks.domain.SampleItem;
import com.caseflow.evaluation.spotchecks.domain.Stratum;
import com.caseflow.evaluation.web.ReportPeriod;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples of contacts for spot-checks (随机抽查), drawn reproducibly: the seed is recorded (random when none is
 * given), and drawing again with the same seed, period, K, agents and {@code asOf} over the same facts gives the same
 * items — {@code populationDigest} tells whether the facts were the same. Supervisors and managers only.
 */
@RestController
@RequestMapping("/api/v1/spot-checks/samples")
class SampleController {

    private static final int MAX_AGENTS = 1000;
    private static final int MAX_DAYS = 92;
    private static final Instant EARLIEST_AS_OF = Instant.parse("2000-01-01T00:00:00Z");
    private static final int MAX_AGENT_ID = 100;

    private final Samples samples;
    private final StaffRateLimiter rateLimit;
    private final Clock clock;

    SampleController(Samples samples, StaffRateLimiter rateLimit, Clock clock) {
        this.samples = samples;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    /**
     * @param perAgent K, 1–50 contacts per agent
     * @param seed     to repeat a draw; random (and recorded) when absent
     * @param agentIds the agents to draw for; absent for every agent (of a supervisor's team) with contacts
     * @param asOf     the moment whose facts decide "open past its deadline"; now when absent (to repeat a draw: its
     *                 {@code asOf})
     */
    record DrawRequest(String from, String to, Integer perAgent, Long seed, List<String> agentIds, String asOf) {
    }

    /**
     * @param flaggedShare share of each agent's K drawn from flagged contacts
     * @param order        flagged strata, most important first
     * @param population   candidates per stratum
     * @param drawn        items per stratum
     */
    record Strata(double flaggedShare, List<Stratum> order, Map<Stratum, Integer> population,
                  Map<Stratum, Integer> drawn) {
    }

    /**
     * @param spotCheckId  the check of this contact in this sample, null until it is reviewed
     * @param recordingUrl the call's recording (录音) for the reviewer, null for visits and calls without one
     */
    record ItemView(String contactId, String agentId, String caseId, LocalDate day, String channel,
                    String projectCode, String category, Stratum stratum, List<Stratum> reasons,
                    String spotCheckId, String recordingUrl) {
    }

    /** @param agentIds the agents drawn for; empty when every agent with contacts in the period was */
    record SampleView(String id, String kind, long seed, LocalDate from, LocalDate to, int perAgent,
                      List<String> agentIds, String drawnBy, Instant drawnAt, Instant asOf, Strata strata,
                      String populationDigest, List<ItemView> items) {
    }

    @PostMapping
    ResponseEntity<SampleView> draw(@RequestBody DrawRequest body, Authentication authentication) {
        Samples.DrawCommand command = command(body, clock.instant());
        Staff staff = Staff.of(authentication);
        rateLimit.acquireWrite(staff);
        Samples.SampleRead drawn = samples.draw(staff, command);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(drawn.sample().id()).toUri();
        return ResponseEntity.created(location).body(view(drawn));
    }

    @GetMapping("/{id}")
    SampleView read(@PathVariable String id, Authentication authentication) {
        return view(samples.read(reader(authentication), id));
    }

    /** Samples whose period overlaps {@code from..to}, newest first (at most 100). */
    @GetMapping
    List<SampleView> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          Authentication authentication) {
        List<FieldProblem> problems = new ArrayList<>();
        ReportPeriod period = ReportPeriod.of(from, to, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return samples.list(reader(authentication), period.from(), period.to()).stream()
                .map(SampleController::view).toList();
    }

    private static Samples.DrawCommand command(DrawRequest body, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        ReportPeriod period = ReportPeriod.of(body.from(), body.to(), problems);
        if (period != null && ChronoUnit.DAYS.between(period.from(), period.to()) >= MAX_DAYS) {
            // a draw reads every contact of the period: a quarter at most keeps it within memory
            problems.add(new FieldProblem("to", "a sample covers at most " + MAX_DAYS + " days"));
            period = null;
        }
        if (body.perAgent() == null || body.perAgent() < 1 || body.perAgent() > Samples.MAX_PER_AGENT) {
            problems.add(new FieldProblem("perAgent", "required: 1 to " + Samples.MAX_PER_AGENT
                    + " contacts per agent"));
        }
        List<String> agentIds = null;
        if (body.agentIds() != null) {
            if (body.agentIds().isEmpty() || body.agentIds().size() > MAX_AGENTS) {
                problems.add(new FieldProblem("agentIds", "1 to " + MAX_AGENTS + " agents; absent for every agent"));
            } else {
                agentIds = new ArrayList<>();
                for (int i = 0; i < body.agentIds().size(); i++) {
                    String agentId = body.agentIds().get(i);
                    if (agentId == null || agentId.isBlank() || agentId.strip().length() > MAX_AGENT_ID) {
                        problems.add(new FieldProblem("agentIds[" + i + "]", "a staff id"));
                    } else {
                        agentIds.add(agentId.strip());
                    }
                }
                if (new HashSet<>(agentIds).size() != agentIds.size()) {
                    problems.add(new FieldProblem("agentIds", "each agent once"));
                }
            }
        }
        Instant asOf = null;
        if (body.asOf() != null) {
            try {
                asOf = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(body.asOf().strip(), Instant::from);
                if (asOf.isAfter(now)) {
                    problems.add(new FieldProblem("asOf", "must not be in the future"));
                } else if (asOf.isBefore(EARLIEST_AS_OF)) {
                    problems.add(new FieldProblem("asOf", "a time after 2000"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("asOf", "a time with its offset, such as 2026-11-30T06:00:00+08:00"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Samples.DrawCommand(period.from(), period.to(), body.perAgent(), body.seed(), agentIds, asOf);
    }

    private static SampleView view(Samples.SampleRead read) {
        Sample s = read.sample();
        Map<Stratum, Integer> population = new LinkedHashMap<>();
        Map<Stratum, Integer> drawn = new LinkedHashMap<>();
        for (Stratum stratum : Stratum.values()) {
            population.put(stratum, s.population().getOrDefault(stratum, 0));
            drawn.put(stratum, 0);
        }
        List<ItemView> items = new ArrayList<>();
        for (SampleItem i : s.items()) {
            drawn.merge(i.stratum(), 1, Integer::sum);
            items.add(new ItemView(i.contactId(), i.agentId(), i.caseId(), i.day(), i.channel(), i.projectCode(),
                    i.category(), i.stratum(), i.reasons(), read.reviewed().get(i.contactId()),
                    read.recordings().get(i.contactId())));
        }
        return new SampleView(s.id(), s.kind().name(), s.seed(), s.from(), s.to(), s.perAgent(), s.agentIds(),
                s.drawnBy(), s.drawnAt(), s.asOf(), new Strata(s.flaggedShare(), s.strataOrder(), population, drawn),
                s.populationDigest(), items);
    }

    private Staff reader(Authentication authentication) {
        Staff staff = Staff.of(authentication);
        rateLimit.acquireRead(staff);
        return staff;
    }
}
