package com.caseflow.evaluation.evaluations.application;

import com.caseflow.evaluation.aggregates.domain.AgentDay;
import com.caseflow.evaluation.aggregates.domain.DepartmentDay;
import com.caseflow.evaluation.aggregates.domain.Kpis;
import com.caseflow.evaluation.aggregates.persistence.AggregateStore;
import com.caseflow.evaluation.evaluations.domain.EvaluationPolicy;
import com.caseflow.evaluation.evaluations.domain.Period;
import com.caseflow.evaluation.evaluations.domain.Ranking;
import com.caseflow.evaluation.evaluations.domain.Scored;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every agent's and every department's period under the policy, ranked company-wide and set against the period
 * before. Read from the day counters: its cost grows with agents (or departments) and days, not with contacts.
 */
@Service
@EnableConfigurationProperties(PolicyProperties.class)
public class Scoreboard {

    /**
     * @param rank          1 = best of those scored in the period, null when nothing could be scored
     * @param rankedOf      how many were scored
     * @param previousScore the score in the period before
     * @param change        score − previousScore
     * @param previousRank  the rank in the period before
     */
    public record Standing(Scored scored, Integer rank, int rankedOf, Double previousScore, Double change,
                           Integer previousRank) {
    }

    public record AgentRow(String agentId, Kpis.AgentKpis kpis, Standing standing) {
    }

    public record DepartmentRow(String departmentCode, Kpis.DepartmentKpis kpis, Standing standing) {
    }

    public record Board<R>(Period period, Period previous, String policyVersion, List<R> rows) {
    }

    private final AggregateStore aggregates;
    private final EvaluationPolicy policy;

    public Scoreboard(AggregateStore aggregates, PolicyProperties properties) {
        this.aggregates = aggregates;
        this.policy = properties.policy();
    }

    public EvaluationPolicy policy() {
        return policy;
    }

    /** Every agent with something counted in the period, best first. */
    public Board<AgentRow> agents(Period period) {
        Period previous = period.previous();
        Map<String, Kpis.AgentKpis> now = kpis(aggregates.agentsInPeriod(period.from(), period.to()), Kpis::of);
        Map<String, Kpis.AgentKpis> before = kpis(aggregates.agentsInPeriod(previous.from(), previous.to()),
                Kpis::of);
        Map<String, Standing> standings = standings(score(now, policy::agent), score(before, policy::agent));
        List<AgentRow> rows = now.entrySet().stream()
                .map(e -> new AgentRow(e.getKey(), e.getValue(), standings.get(e.getKey())))
                .sorted(Comparator.comparing((AgentRow r) -> rankOrLast(r.standing())).thenComparing(AgentRow::agentId))
                .toList();
        return new Board<>(period, previous, policy.version(), rows);
    }

    public Board<DepartmentRow> departments(Period period) {
        Period previous = period.previous();
        Map<String, Kpis.DepartmentKpis> now = kpis(aggregates.departmentsInPeriod(period.from(), period.to()),
                Kpis::of);
        Map<String, Kpis.DepartmentKpis> before = kpis(
                aggregates.departmentsInPeriod(previous.from(), previous.to()), Kpis::of);
        Map<String, Standing> standings = standings(score(now, policy::department),
                score(before, policy::department));
        List<DepartmentRow> rows = now.entrySet().stream()
                .map(e -> new DepartmentRow(e.getKey(), e.getValue(), standings.get(e.getKey())))
                .sorted(Comparator.comparing((DepartmentRow r) -> rankOrLast(r.standing()))
                        .thenComparing(DepartmentRow::departmentCode))
                .toList();
        return new Board<>(period, previous, policy.version(), rows);
    }

    /** One agent's standing; an agent with nothing counted is scored on nothing and not ranked. */
    public Standing agent(String agentId, Period period) {
        Board<AgentRow> board = agents(period);
        return board.rows().stream().filter(r -> r.agentId().equals(agentId)).findFirst().map(AgentRow::standing)
                .orElseGet(() -> new Standing(policy.agent(Kpis.of(AgentDay.NONE)), null, rankedOf(board), null,
                        null, null));
    }

    public Standing department(String departmentCode, Period period) {
        Board<DepartmentRow> board = departments(period);
        return board.rows().stream().filter(r -> r.departmentCode().equals(departmentCode)).findFirst()
                .map(DepartmentRow::standing)
                .orElseGet(() -> new Standing(policy.department(Kpis.of(DepartmentDay.NONE)), null,
                        (int) board.rows().stream().filter(r -> r.standing().rank() != null).count(), null, null,
                        null));
    }

    private static int rankedOf(Board<AgentRow> board) {
        return (int) board.rows().stream().filter(r -> r.standing().rank() != null).count();
    }

    private static <D, K> Map<String, K> kpis(Map<String, D> counters, Function<D, K> kpis) {
        Map<String, K> result = new HashMap<>();
        counters.forEach((id, sum) -> result.put(id, kpis.apply(sum)));
        return result;
    }

    private static <K> Map<String, Scored> score(Map<String, K> kpis, Function<K, Scored> policy) {
        Map<String, Scored> result = new HashMap<>();
        kpis.forEach((id, k) -> result.put(id, policy.apply(k)));
        return result;
    }

    private static Map<String, Standing> standings(Map<String, Scored> now, Map<String, Scored> before) {
        Map<String, Integer> ranks = Ranking.of(scores(now));
        Map<String, Integer> previousRanks = Ranking.of(scores(before));
        Map<String, Standing> standings = new HashMap<>();
        now.forEach((id, scored) -> {
            Scored earlier = before.get(id);
            Double previousScore = earlier == null ? null : earlier.score();
            Double change = scored.score() == null || previousScore == null ? null
                    : Math.round((scored.score() - previousScore) * 10) / 10.0;
            standings.put(id, new Standing(scored, ranks.get(id), ranks.size(), previousScore, change,
                    previousRanks.get(id)));
        });
        return standings;
    }

    private static Map<String, Double> scores(Map<String, Scored> scored) {
        Map<String, Double> scores = new HashMap<>();
        scored.forEach((id, s) -> scores.put(id, s.score()));
        return scores;
    }

    private static int rankOrLast(Standing standing) {
        return standing.rank() == null ? Integer.MAX_VALUE : standing.rank();
    }
}
