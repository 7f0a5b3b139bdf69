package com.caseflow.evaluation.evaluations.application;

import com.caseflow.evaluation.access.Access;
import com.caseflow.evaluation.evaluations.domain.Decision;
import com.caseflow.evaluation.evaluations.domain.Outcome;
import com.caseflow.evaluation.evaluations.domain.Period;
import com.caseflow.evaluation.evaluations.domain.Scored;
import com.caseflow.evaluation.evaluations.persistence.EvaluationStore;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.evaluation.EvaluationDecided;
import com.caseflow.events.evaluation.EvaluationPublished;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxEntry;
import com.caseflow.support.problem.ConflictException;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.problem.RequestRefusedException;
import com.caseflow.support.security.Roles;
import com.caseflow.support.security.Staff;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Evaluates every agent and department with something counted in a week or a month, and publishes each result as
 * {@code EvaluationPublished} — provisional while the period is still running. Evaluating a period again publishes only what changed (late events, a new policy), as
 * the next revision of the same evaluation: a retried run, or a second instance running the same schedule, publishes
 * nothing twice.
 */
@Service
public class Evaluations {

    private static final Logger log = LoggerFactory.getLogger(Evaluations.class);

    public static final String AGENT = "AGENT";
    public static final String DEPARTMENT = "DEPARTMENT";

    /** What one run did: evaluations newly published or revised, those unchanged, and the outcomes. */
    public record Run(Period.Type periodType, LocalDate from, LocalDate to, String policyVersion, int published,
                      int unchanged, Map<String, Long> outcomes) {
    }

    private final Scoreboard scoreboard;
    private final EvaluationStore store;
    private final Outbox outbox;
    private final Access access;
    private final Clock clock;
    private final ZoneId zone;
    private final MeterRegistry meters;

    public Evaluations(Scoreboard scoreboard, EvaluationStore store, Outbox outbox, Access access, Clock clock,
                       MeterRegistry meters) {
        this.scoreboard = scoreboard;
        this.store = store;
        this.outbox = outbox;
        this.access = access;
        this.clock = clock;
        this.zone = clock.getZone();
        this.meters = meters;
    }

    public Run run(Period.Type type, LocalDate start, String evaluatedBy) {
        Period period = Period.of(type, start);
        boolean provisional = !period.to().isBefore(LocalDate.now(clock.withZone(zone)));
        List<EvaluationPublished> results = new ArrayList<>();
        Scoreboard.Board<Scoreboard.AgentRow> agents = scoreboard.agents(period);
        agents.rows().forEach(r -> results.add(evaluation(AGENT, r.agentId(), type, period, r.standing(),
                agents.policyVersion(), provisional, evaluatedBy)));
        Scoreboard.Board<Scoreboard.DepartmentRow> departments = scoreboard.departments(period);
        departments.rows().forEach(r -> results.add(evaluation(DEPARTMENT, r.departmentCode(), type, period,
                r.standing(), departments.policyVersion(), provisional, evaluatedBy)));
        int published = 0;
        Map<String, Long> outcomes = new java.util.TreeMap<>();
        for (EvaluationPublished result : results) {
            outcomes.merge(result.outcome(), 1L, Long::sum);
            if (publish(result)) {
                published++;
            }
        }
        meters.counter("caseflow.evaluations.published", "period", type.name()).increment(published);
        log.info("Evaluated {} {} from {}: {} published, {} unchanged", results.size(), type, start, published,
                results.size() - published);
        return new Run(type, period.from(), period.to(), agents.policyVersion(), published,
                results.size() - published, outcomes);
    }

    /** An evaluation with the manager's decision in force on it, null when none. */
    public record Decided(EvaluationPublished evaluation, Decision decision) {
    }

    /** The evaluations of a period the caller may read, best rank first, departments after agents. */
    public List<Decided> ofPeriod(Staff staff, Period.Type type, LocalDate start) {
        Optional<Set<String>> agents = access.agentsVisibleTo(staff);
        return store.ofPeriod(type.name(), start.toString()).stream()
                .filter(v -> mayRead(staff, v.evaluation(), agents))
                .map(v -> new Decided(v.evaluation(), v.decision()))
                .sorted(Comparator.comparing((Decided d) -> d.evaluation().subjectType())
                        .thenComparing(d -> d.evaluation().rank() == null ? Integer.MAX_VALUE
                                : d.evaluation().rank())
                        .thenComparing(d -> d.evaluation().subjectId()))
                .toList();
    }

    public Decided one(Staff staff, String evaluationId) {
        EvaluationStore.Versioned found = store.find(evaluationId).orElseThrow(() -> notFound(evaluationId));
        if (!mayRead(staff, found.evaluation(), access.agentsVisibleTo(staff))) {
            throw Access.forbidden("agents read their own evaluations, supervisors their team's");
        }
        return new Decided(found.evaluation(), found.decision());
    }

    /**
     * A manager confirms or overrides the commendation or warning an evaluation recommends, announced as
     * {@code EvaluationDecided}. A second decision is refused unless it is an explicit override.
     *
     * @throws ConflictException when the evaluation recommends nothing to decide, is provisional, or was decided
     * @throws InvalidRequestException when the outcome asked for does not fit the decision
     */
    public Decided decide(Staff staff, String evaluationId, Decision.Request request) {
        for (int attempt = 1; ; attempt++) {
            EvaluationStore.Versioned found = store.find(evaluationId).orElseThrow(() -> notFound(evaluationId));
            EvaluationPublished e = found.evaluation();
            Decision decision;
            try {
                decision = Decision.decide(request, e.revision(), Outcome.valueOf(e.outcome()), e.provisional(),
                        found.decision(), staff.staffId(), clock.instant());
            } catch (Decision.RefusedException refused) {
                throw new ConflictException(refused.getMessage());
            } catch (Decision.BadFieldException bad) {
                throw new InvalidRequestException(List.of(new FieldProblem(bad.field(), bad.getMessage())));
            }
            try {
                store.decide(evaluationId, found.version(), decision, decided(e, decision));
                log.info("Evaluation {} decided {} ({}) by {}", evaluationId, decision.kind(), decision.outcome(),
                        staff.staffId());
                return new Decided(e, decision);
            } catch (OptimisticLockingFailureException raced) {
                if (attempt >= 3) {
                    throw new ConflictException("evaluation " + evaluationId + " kept changing: read it again");
                }
            }
        }
    }

    private static RequestRefusedException notFound(String evaluationId) {
        return new RequestRefusedException(HttpStatus.NOT_FOUND, "not-found", "Evaluation not found",
                "no evaluation " + evaluationId);
    }

    private OutboxEntry decided(EvaluationPublished e, Decision d) {
        EvaluationDecided event = new EvaluationDecided(e.evaluationId(), d.evaluationRevision(), d.sequence(),
                e.subjectType(), e.subjectId(), e.periodType(), e.from(), e.to(), d.recommended().name(),
                d.kind().name(), d.outcome().name(), d.reason(), d.decidedBy(), d.decidedAt());
        String eventId = UUID.nameUUIDFromBytes(("evaluation-decided/" + e.evaluationId() + "/" + d.sequence())
                .getBytes(StandardCharsets.UTF_8)).toString();
        return outbox.entry(Topics.EVALUATIONS, new EventEnvelope<>(eventId, EventTypes.EVALUATION_DECIDED,
                EvaluationDecided.SCHEMA_VERSION, d.decidedAt(), e.subjectId(), e.evaluationId(), event));
    }

    public static String idOf(String subjectType, String subjectId, Period.Type type, LocalDate start) {
        return subjectType + "." + subjectId + "." + type + "." + start;
    }

    private boolean mayRead(Staff staff, EvaluationPublished e, Optional<Set<String>> agents) {
        if (AGENT.equals(e.subjectType())) {
            return agents.map(visible -> visible.contains(e.subjectId())).orElse(true);
        }
        return !staff.is(Roles.AGENT) && access.mayReadDepartment(staff, e.subjectId());
    }

    private EvaluationPublished evaluation(String subjectType, String subjectId, Period.Type type, Period period,
                                           Scoreboard.Standing standing, String policyVersion, boolean provisional,
                                           String evaluatedBy) {
        Scored scored = standing.scored();
        return new EvaluationPublished(idOf(subjectType, subjectId, type, period.from()), 1, subjectType, subjectId,
                type.name(), period.from(), period.to(), policyVersion, scored.score(), scored.kpiScores(),
                standing.rank(), standing.rankedOf(), standing.previousScore(), scored.outcome().name(),
                scored.weakKpis(), scored.reasons(), provisional, evaluatedBy, clock.instant());
    }

    private boolean publish(EvaluationPublished fresh) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<EvaluationStore.Versioned> stored = store.find(fresh.evaluationId());
            if (stored.isEmpty()) {
                if (store.insert(fresh, entry(fresh))) {
                    return true;
                }
                continue;
            }
            EvaluationPublished before = stored.get().evaluation();
            if (sameResult(before, fresh)) {
                return false;
            }
            EvaluationPublished revised = withRevision(fresh, before.revision() + 1);
            try {
                store.replace(revised, stored.get().version(), entry(revised));
                return true;
            } catch (OptimisticLockingFailureException raced) {
                // another run wrote it meanwhile: compare with what it wrote
            }
        }
        log.warn("Evaluation {} kept changing under three attempts; the next run publishes it", fresh.evaluationId());
        return false;
    }

    private OutboxEntry entry(EvaluationPublished e) {
        String eventId = UUID.nameUUIDFromBytes(("evaluation/" + e.evaluationId() + "/" + e.revision())
                .getBytes(StandardCharsets.UTF_8)).toString();
        return outbox.entry(Topics.EVALUATIONS, new EventEnvelope<>(eventId, EventTypes.EVALUATION_PUBLISHED,
                EvaluationPublished.SCHEMA_VERSION, e.evaluatedAt(), e.subjectId(), e.evaluationId(), e));
    }

    private static boolean sameResult(EvaluationPublished a, EvaluationPublished b) {
        return Objects.equals(a.score(), b.score()) && a.kpiScores().equals(b.kpiScores())
                && Objects.equals(a.rank(), b.rank()) && a.rankedOf() == b.rankedOf()
                && Objects.equals(a.previousScore(), b.previousScore()) && a.outcome().equals(b.outcome())
                && a.weakKpis().equals(b.weakKpis()) && a.reasons().equals(b.reasons())
                && Objects.equals(a.policyVersion(), b.policyVersion()) && a.provisional() == b.provisional();
    }

    private static EvaluationPublished withRevision(EvaluationPublished e, int revision) {
        return new EvaluationPublished(e.evaluationId(), revision, e.subjectType(), e.subjectId(), e.periodType(),
                e.from(), e.to(), e.policyVersion(), e.score(), e.kpiScores(), e.rank(), e.rankedOf(),
                e.previousScore(), e.outcome(), e.weakKpis(), e.reasons(), e.provisional(), e.evaluatedBy(),
                e.evaluatedAt());
    }
}
