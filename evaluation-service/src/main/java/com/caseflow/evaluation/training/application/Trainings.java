package com.caseflow.evaluation.training.application;

import com.caseflow.evaluation.access.Access;
import com.caseflow.evaluation.evaluations.application.Evaluations;
import com.caseflow.evaluation.evaluations.application.Scoreboard;
import com.caseflow.evaluation.evaluations.domain.EvaluationPolicy;
import com.caseflow.evaluation.evaluations.domain.Outcome;
import com.caseflow.evaluation.evaluations.domain.Period;
import com.caseflow.evaluation.training.domain.TrainingAssignment;
import com.caseflow.evaluation.training.domain.TrainingStatus;
import com.caseflow.evaluation.training.persistence.TrainingStore;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.evaluation.EvaluationPublished;
import com.caseflow.events.evaluation.TrainingAssigned;
import com.caseflow.events.evaluation.TrainingCompleted;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxEntry;
import com.caseflow.support.problem.ConflictException;
import com.caseflow.support.security.Roles;
import com.caseflow.support.security.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Closes the loop from an evaluation to training: an agent's evaluation of a period that has ended and recommends
 * training (read back from {@code evaluations}, so an evaluation stored but not yet published is assigned once it is)
 * becomes one assignment, announced as {@code TrainingAssigned}; its completion as {@code TrainingCompleted}. The
 * agent's evaluation of the period after shows whether each weak KPI improved.
 */
@Service
@EnableConfigurationProperties(TrainingProperties.class)
public class Trainings {

    private static final Logger log = LoggerFactory.getLogger(Trainings.class);
    private static final int ATTEMPTS = 3;

    /** The training an evaluation's period was the first after, and how its weak KPIs changed. */
    public record FollowUp(String assignmentId, String evaluationId, String topic, java.time.Instant completedAt,
                           List<TrainingAssignment.KpiChange> kpis) {
    }

    private final TrainingStore store;
    private final Outbox outbox;
    private final Access access;
    private final Scoreboard scoreboard;
    private final TrainingProperties properties;
    private final Clock clock;

    public Trainings(TrainingStore store, Outbox outbox, Access access, Scoreboard scoreboard,
                     TrainingProperties properties, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.access = access;
        this.scoreboard = scoreboard;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Assigns the training an evaluation recommends, once per evaluation: a redelivery, an older revision or a later
     * one that still recommends training finds the assignment there and changes nothing. A provisional evaluation
     * assigns nothing (its period is still running; the evaluation after it ends decides).
     */
    public void evaluated(EvaluationPublished e) {
        if (!Evaluations.AGENT.equals(e.subjectType()) || e.provisional()
                || !Outcome.TRAINING.name().equals(e.outcome())) {
            return;
        }
        String trainer = access.supervisorOf(e.subjectId()).orElse(properties.defaultTrainer());
        LocalDate today = today();
        TrainingAssignment assignment = TrainingAssignment.assign(e.evaluationId(), e.revision(), e.subjectId(),
                e.periodType(), e.from(), e.to(), e.weakKpis(), e.kpiScores(), this::label, trainer,
                today.plusDays(properties.dueInDays()), clock.instant());
        if (store.insert(assignment, assigned(assignment))) {
            log.info("Training {} assigned to {} ({} weak KPIs), trainer {}", assignment.id(), assignment.agentId(),
                    assignment.weakKpis().size(), trainer);
        }
    }

    /** Assignments the caller may read: a manager everyone's, others those of their own or their team, or they train. */
    public Page<TrainingStore.Versioned> list(Staff staff, String agentId, TrainingStatus status, int page, int size) {
        if (staff.is(Roles.MANAGER)) {
            return store.page(null, null, agentId, status, page, size);
        }
        Set<String> agents = access.agentsVisibleTo(staff).orElse(Set.of());
        return store.page(agents, staff.staffId(), agentId, status, page, size);
    }

    /** Empty when there is no such assignment. */
    public Optional<TrainingStore.Versioned> read(Staff staff, String id) {
        Optional<TrainingStore.Versioned> found = store.find(id);
        found.ifPresent(v -> {
            if (!mayRead(staff, v.assignment())) {
                throw Access.forbidden("agents read their own training, supervisors their team's, trainers theirs");
            }
        });
        return found;
    }

    /**
     * Records that the training took place: by its trainer, the agent's supervisor or a manager; once.
     *
     * @return empty when there is no such assignment
     * @throws ConflictException when its completion was recorded before
     */
    public Optional<TrainingStore.Versioned> complete(Staff staff, String id, String note) {
        for (int attempt = 1; ; attempt++) {
            Optional<TrainingStore.Versioned> found = store.find(id);
            if (found.isEmpty()) {
                return found;
            }
            TrainingAssignment current = found.get().assignment();
            if (!mayComplete(staff, current)) {
                throw Access.forbidden("a training's completion is recorded by its trainer, the agent's supervisor "
                        + "or a manager");
            }
            TrainingAssignment completed;
            try {
                completed = current.complete(staff.staffId(), clock.instant(), note);
            } catch (TrainingAssignment.AlreadyCompletedException e) {
                throw new ConflictException(e.getMessage());
            }
            try {
                return Optional.of(store.update(completed, found.get().version(), completedEvent(completed)));
            } catch (OptimisticLockingFailureException raced) {
                if (attempt >= ATTEMPTS) {
                    throw new ConflictException("training " + id + " kept changing: try again");
                }
            }
        }
    }

    /**
     * For each agent's evaluation, the completed training the agent's evaluation of the period before called for, with
     * each weak KPI's score then and in this evaluation; an evaluation without one (a department's, or none completed)
     * is not in the answer.
     */
    public Map<String, FollowUp> followUps(List<EvaluationPublished> evaluations) {
        Map<String, EvaluationPublished> bySource = new HashMap<>();
        for (EvaluationPublished e : evaluations) {
            if (Evaluations.AGENT.equals(e.subjectType())) {
                Period.Type type = Period.Type.valueOf(e.periodType());
                LocalDate previous = Period.of(type, e.from()).previous().from();
                bySource.put(TrainingAssignment.idFor(Evaluations.idOf(Evaluations.AGENT, e.subjectId(), type,
                        previous)), e);
            }
        }
        if (bySource.isEmpty()) {
            return Map.of();
        }
        Map<String, FollowUp> followUps = new HashMap<>();
        for (TrainingAssignment a : store.findAll(bySource.keySet())) {
            EvaluationPublished later = bySource.get(a.id());
            if (a.status() == TrainingStatus.COMPLETED && later != null) {
                followUps.put(later.evaluationId(), new FollowUp(a.id(), a.evaluationId(), a.topic(),
                        a.completedAt(), a.changes(later.kpiScores(), this::label)));
            }
        }
        return followUps;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private boolean mayRead(Staff staff, TrainingAssignment a) {
        return access.mayReadAgent(staff, a.agentId()) || staff.staffId().equals(a.trainerId());
    }

    private boolean mayComplete(Staff staff, TrainingAssignment a) {
        return staff.staffId().equals(a.trainerId()) || staff.is(Roles.MANAGER)
                || staff.is(Roles.SUPERVISOR) && access.mayReadAgent(staff, a.agentId());
    }

    private String label(String kpi) {
        EvaluationPolicy.Rule rule = scoreboard.policy().agentKpis().get(kpi);
        return rule == null ? null : rule.label();
    }

    private OutboxEntry assigned(TrainingAssignment a) {
        TrainingAssigned event = new TrainingAssigned(a.id(), a.evaluationId(), a.evaluationRevision(), a.agentId(),
                a.periodType(), a.from(), a.to(), a.weakKpis(), a.kpiScoresBefore(), a.topic(), a.trainerId(),
                a.dueDate(), a.assignedAt());
        return outbox.entry(Topics.EVALUATIONS, new EventEnvelope<>(eventId("training-assigned", a.id()),
                EventTypes.TRAINING_ASSIGNED, TrainingAssigned.SCHEMA_VERSION, a.assignedAt(), a.agentId(),
                a.evaluationId(), event));
    }

    private OutboxEntry completedEvent(TrainingAssignment a) {
        TrainingCompleted event = new TrainingCompleted(a.id(), a.evaluationId(), a.agentId(), a.trainerId(),
                a.completedBy(), a.completedAt());
        return outbox.entry(Topics.EVALUATIONS, new EventEnvelope<>(eventId("training-completed", a.id()),
                EventTypes.TRAINING_COMPLETED, TrainingCompleted.SCHEMA_VERSION, a.completedAt(), a.agentId(),
                a.evaluationId(), event));
    }

    private static String eventId(String kind, String id) {
        return UUID.nameUUIDFromBytes((kind + "/" + id).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
