package com.caseflow.evaluation.evaluations.web;

import com.caseflow.evaluation.evaluations.application.Evaluations;
import com.caseflow.evaluation.evaluations.domain.Decision;
import com.caseflow.evaluation.evaluations.domain.Outcome;
import com.caseflow.evaluation.evaluations.domain.Period;
import com.caseflow.evaluation.privacy.FreeText;
import com.caseflow.support.export.Column;
import com.caseflow.support.export.ExportFormat;
import com.caseflow.support.export.ReportTable;
import com.caseflow.support.export.TableExport;
import com.caseflow.evaluation.training.application.Trainings;
import com.caseflow.evaluation.web.ReportPeriod;
import com.caseflow.events.evaluation.EvaluationPublished;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Periodic evaluations: managers run them; everyone reads those {@code Access} lets them. */
@RestController
@RequestMapping("/api/v1/evaluations")
class EvaluationController {

    private final Evaluations evaluations;
    private final Trainings trainings;
    private final StaffRateLimiter rateLimit;
    private final Clock clock;
    private final ZoneId zone;

    EvaluationController(Evaluations evaluations, Trainings trainings, StaffRateLimiter rateLimit, Clock clock) {
        this.evaluations = evaluations;
        this.trainings = trainings;
        this.rateLimit = rateLimit;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /** @param periodType WEEK or MONTH; @param start the Monday or the first of the month */
    record RunRequest(String periodType, String start) {
    }

    record Listing(String periodType, LocalDate from, LocalDate to, List<EvaluationView> evaluations) {
    }

    /**
     * @param decision     CONFIRMED or OVERRIDDEN
     * @param outcome      the outcome decided when overriding: COMMENDATION, NONE, TRAINING or WARNING
     * @param reason       why; required when overriding
     */
    record DecisionRequest(String decision, String outcome, String reason) {
    }

    record DecisionView(int sequence, int evaluationRevision, String recommendedOutcome, String decision,
                        String decisionLabel, String outcome, String outcomeLabel, String reason, String decidedBy,
                        Instant decidedAt) {
    }

    /**
     * The evaluation as published, the outcome the policy recommended and the one a manager decided (the
     * recommendation while nobody has decided), and for an agent the training the evaluation before called for, if
     * completed: whether each of its weak KPIs improved.
     */
    record EvaluationView(@JsonUnwrapped EvaluationPublished evaluation, String recommendedOutcome,
                          String recommendedOutcomeLabel, DecisionView decision, String decidedOutcome,
                          String decidedOutcomeLabel, Trainings.FollowUp trainingFollowUp) {
    }

    @PostMapping
    Evaluations.Run run(@RequestBody RunRequest request, Authentication authentication) {
        Staff staff = Staff.of(authentication);
        rateLimit.acquireWrite(staff);
        Target target = target(request.periodType(), request.start(), true);
        return evaluations.run(target.type(), target.start(), staff.staffId());
    }

    /** A period's evaluations the caller may read, best first; {@code format=csv|xlsx} for a download. */
    @GetMapping
    ResponseEntity<?> list(@RequestParam(required = false) String periodType,
                           @RequestParam(required = false) String start,
                           @RequestParam(required = false) String format, Authentication authentication) {
        Staff staff = reader(authentication);
        List<FieldProblem> problems = new ArrayList<>();
        ExportFormat exportFormat = ExportFormat.JSON;
        try {
            exportFormat = ExportFormat.parse(format);
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        Target target = target(periodType, start, false, problems);
        Period period = Period.of(target.type(), target.start());
        List<Evaluations.Decided> found = evaluations.ofPeriod(staff, target.type(), target.start());
        if (exportFormat == ExportFormat.JSON) {
            return ResponseEntity.ok(new Listing(target.type().name(), period.from(), period.to(), views(found)));
        }
        return TableExport.download(table(period, found), exportFormat,
                "考核结果-" + target.type().name().toLowerCase(Locale.ROOT) + "-" + period.from());
    }

    @GetMapping("/{id}")
    EvaluationView one(@PathVariable String id, Authentication authentication) {
        return views(List.of(evaluations.one(reader(authentication), id))).get(0);
    }

    /**
     * A manager confirms the commendation or warning an evaluation recommends, or overrides it with a reason. A second
     * decision is refused (409) unless it overrides explicitly; an evaluation recommending training or nothing, or
     * still provisional, has nothing to decide (409).
     */
    @PostMapping("/{id}/decision")
    EvaluationView decide(@PathVariable String id, @RequestBody DecisionRequest body, Authentication authentication) {
        Decision.Request request = decisionRequest(body);
        Staff staff = Staff.of(authentication);
        rateLimit.acquireWrite(staff);
        return views(List.of(evaluations.decide(staff, id, request))).get(0);
    }

    private static Decision.Request decisionRequest(DecisionRequest body) {
        List<FieldProblem> problems = new ArrayList<>();
        Decision.Kind kind = null;
        if (body.decision() == null || body.decision().isBlank()) {
            problems.add(new FieldProblem("decision", "required: CONFIRMED or OVERRIDDEN"));
        } else {
            try {
                kind = Decision.Kind.valueOf(body.decision().strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("decision", "CONFIRMED or OVERRIDDEN"));
            }
        }
        Outcome outcome = null;
        if (body.outcome() != null) {
            try {
                outcome = Outcome.valueOf(body.outcome().strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("outcome", "COMMENDATION, NONE, TRAINING or WARNING"));
            }
        } else if (kind == Decision.Kind.OVERRIDDEN) {
            problems.add(new FieldProblem("outcome", "required when overriding: COMMENDATION, NONE, TRAINING or "
                    + "WARNING"));
        }
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
        if (reason == null && kind == Decision.Kind.OVERRIDDEN) {
            problems.add(new FieldProblem("reason", "required when overriding: why the recommendation does not stand"));
        } else if (reason != null && reason.codePointCount(0, reason.length()) > Decision.MAX_REASON) {
            problems.add(new FieldProblem("reason", "at most " + Decision.MAX_REASON + " characters"));
        }
        FreeText.requireNoPhoneNumber("reason", reason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Decision.Request(kind, outcome, reason);
    }

    private List<EvaluationView> views(List<Evaluations.Decided> found) {
        Map<String, Trainings.FollowUp> followUps = trainings.followUps(found.stream()
                .map(Evaluations.Decided::evaluation).toList());
        return found.stream().map(d -> view(d, followUps.get(d.evaluation().evaluationId()))).toList();
    }

    private static EvaluationView view(Evaluations.Decided d, Trainings.FollowUp followUp) {
        EvaluationPublished e = d.evaluation();
        Outcome recommended = Outcome.valueOf(e.outcome());
        Decision decision = d.decision();
        Outcome decided = decision == null ? recommended : decision.outcome();
        DecisionView decisionView = decision == null ? null : new DecisionView(decision.sequence(),
                decision.evaluationRevision(), decision.recommended().name(), decision.kind().name(),
                decision.kind().labelZh(), decision.outcome().name(), decision.outcome().labelZh(), decision.reason(),
                decision.decidedBy(), decision.decidedAt());
        return new EvaluationView(e, recommended.name(), recommended.labelZh(), decisionView, decided.name(),
                decided.labelZh(), followUp);
    }

    private record Target(Period.Type type, LocalDate start) {
    }

    private Target target(String periodType, String start, boolean mustHaveBegun) {
        return target(periodType, start, mustHaveBegun, new ArrayList<>());
    }

    private Target target(String periodType, String start, boolean mustHaveBegun, List<FieldProblem> problems) {
        Period.Type type = null;
        if (periodType == null || periodType.isBlank()) {
            problems.add(new FieldProblem("periodType", "required: WEEK or MONTH"));
        } else {
            try {
                type = Period.Type.valueOf(periodType.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("periodType", "WEEK or MONTH"));
            }
        }
        LocalDate first = ReportPeriod.date("start", start, problems);
        if (type != null && first != null) {
            if (!Period.starts(type, first)) {
                problems.add(new FieldProblem("start", type == Period.Type.WEEK
                        ? "a week starts on a Monday" : "a month starts on its first day"));
            } else if (mustHaveBegun && first.isAfter(LocalDate.now(clock.withZone(zone)))) {
                problems.add(new FieldProblem("start", "the period has not begun"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Target(type, first);
    }

    private static ReportTable table(Period period, List<Evaluations.Decided> found) {
        List<Column> columns = List.of(
                new Column("evaluationId", "考核编号", Column.Kind.TEXT),
                new Column("subjectType", "对象类型", Column.Kind.TEXT),
                new Column("subjectId", "对象", Column.Kind.TEXT),
                new Column("from", "起始日期", Column.Kind.DATE),
                new Column("to", "截止日期", Column.Kind.DATE),
                new Column("score", "综合得分", Column.Kind.DECIMAL),
                new Column("rank", "排名", Column.Kind.INTEGER),
                new Column("rankedOf", "参与排名数", Column.Kind.INTEGER),
                new Column("previousScore", "上期得分", Column.Kind.DECIMAL),
                new Column("outcome", "建议结果", Column.Kind.TEXT),
                new Column("reasons", "原因", Column.Kind.TEXT),
                new Column("revision", "修订版本", Column.Kind.INTEGER),
                new Column("decision", "管理决定", Column.Kind.TEXT),
                new Column("decidedOutcome", "决定结果", Column.Kind.TEXT),
                new Column("decisionReason", "决定理由", Column.Kind.TEXT));
        List<List<Object>> rows = found.stream().map(d -> {
            EvaluationPublished e = d.evaluation();
            Decision decision = d.decision();
            return ReportTable.row(e.evaluationId(),
                    Evaluations.AGENT.equals(e.subjectType()) ? "坐席" : "部门", e.subjectId(), e.from(), e.to(),
                    e.score(), e.rank(), e.rankedOf(), e.previousScore(), Outcome.valueOf(e.outcome()).labelZh(),
                    String.join("；", e.reasons()), e.revision(),
                    decision == null ? "待决定" : decision.kind().labelZh(),
                    (decision == null ? Outcome.valueOf(e.outcome()) : decision.outcome()).labelZh(),
                    decision == null ? null : decision.reason());
        }).toList();
        return new ReportTable("考核结果 " + period.from() + " 至 " + period.to(), columns, rows);
    }

    private Staff reader(Authentication authentication) {
        Staff staff = Staff.of(authentication);
        rateLimit.acquireRead(staff);
        return staff;
    }
}
