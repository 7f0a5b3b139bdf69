package com.caseflow.evaluation.evaluations.domain;

import com.caseflow.evaluation.aggregates.domain.Kpis;
import com.caseflow.events.contact.TimingSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How KPIs become a score and a recommended outcome. Each KPI is first put on a 0–100 scale (a rate as a percentage,
 * satisfaction 1–5 as 0–100, the reopen rate as its complement, spot-checks as scored); the score is the weighted mean
 * of the KPIs that had something to count, so an agent without visits is not marked down for greeting none.
 *
 * @param agentKpis      KPI name → rule, for agents
 * @param departmentKpis KPI name → rule, for departments
 * @param commendFrom    a score at or above this, with no weak KPI, recommends commendation
 * @param trainBelow     a score below this recommends training in the weak KPIs
 * @param warnAtCriticalFailures this many spot-checks with a critical item failed recommend a warning
 */
public record EvaluationPolicy(String version, Map<String, Rule> agentKpis, Map<String, Rule> departmentKpis,
                               double commendFrom, double trainBelow, long warnAtCriticalFailures) {

    /**
     * @param weight relative weight in the score
     * @param target a KPI score below this is weak
     * @param label  the KPI's name as the users read it
     */
    public record Rule(double weight, double target, String label) {
    }

    /** The three-ring KPI: measured by the phone platform, or as the agent's contacts reported it. */
    public static final String THREE_RINGS = "answerWithinThreeRings";

    /** The KPIs a policy may weigh, and how each is put on the 0–100 scale. */
    public static final Map<String, Function<Kpis.AgentKpis, Double>> AGENT_MEASURES = Map.of(
            THREE_RINGS, k -> percent(k.answerWithinThreeRingsRate()),
            "completeRecords", k -> percent(k.completeRecordRate()),
            "firstContactResolution", k -> percent(k.firstContactResolutionRate()),
            "satisfaction", k -> satisfaction(k.averageSatisfaction()),
            "reopens", k -> complement(k.reopenRate()),
            "spotChecks", Kpis.AgentKpis::spotCheckAverage);

    public static final Map<String, Function<Kpis.DepartmentKpis, Double>> DEPARTMENT_MEASURES = Map.of(
            "firstResponseOnTime", k -> percent(k.firstResponseCompliance()),
            "resolutionOnTime", k -> percent(k.resolutionCompliance()),
            "satisfaction", k -> satisfaction(k.averageSatisfaction()),
            "reopens", k -> complement(k.reopenRate()));

    public EvaluationPolicy {
        agentKpis = new LinkedHashMap<>(agentKpis);
        departmentKpis = new LinkedHashMap<>(departmentKpis);
        unknown(agentKpis, AGENT_MEASURES, "agent");
        unknown(departmentKpis, DEPARTMENT_MEASURES, "department");
    }

    /**
     * The three-ring KPI weighs the measured rate wherever the phone platform rang calls at the agent in the period;
     * where it weighs the contacts' own (typed) figure instead, the evaluation says so.
     */
    public Scored agent(Kpis.AgentKpis kpis) {
        Scored scored = score(agentKpis, AGENT_MEASURES, kpis);
        if (kpis.threeRingsSource() == TimingSource.SELF_REPORTED
                && scored.kpiScores().containsKey(THREE_RINGS)) {
            List<String> reasons = new ArrayList<>(scored.reasons());
            reasons.add(agentKpis.get(THREE_RINGS).label() + "为自报数据（本期无实测来电）");
            scored = new Scored(scored.score(), scored.kpiScores(), scored.outcome(), scored.weakKpis(), reasons);
        }
        if (kpis.criticalFailures() >= warnAtCriticalFailures && warnAtCriticalFailures > 0) {
            List<String> reasons = new ArrayList<>();
            reasons.add("抽查发现严重违规 " + kpis.criticalFailures() + " 次");
            reasons.addAll(scored.reasons());
            return new Scored(scored.score(), scored.kpiScores(), Outcome.WARNING, scored.weakKpis(), reasons);
        }
        return scored;
    }

    public Scored department(Kpis.DepartmentKpis kpis) {
        return score(departmentKpis, DEPARTMENT_MEASURES, kpis);
    }

    private <K> Scored score(Map<String, Rule> rules, Map<String, Function<K, Double>> measures, K kpis) {
        Map<String, Double> scores = new LinkedHashMap<>();
        double weighted = 0;
        double weights = 0;
        List<String> weak = new ArrayList<>();
        List<String> weakReasons = new ArrayList<>();
        for (Map.Entry<String, Rule> entry : rules.entrySet()) {
            Double value = measures.get(entry.getKey()).apply(kpis);
            if (value == null || entry.getValue().weight() <= 0) {
                continue;
            }
            double rounded = round(value);
            scores.put(entry.getKey(), rounded);
            weighted += entry.getValue().weight() * value;
            weights += entry.getValue().weight();
            if (value < entry.getValue().target()) {
                weak.add(entry.getKey());
                weakReasons.add(entry.getValue().label() + " " + format(rounded) + " 低于目标 "
                        + format(entry.getValue().target()));
            }
        }
        if (weights == 0) {
            return new Scored(null, scores, Outcome.NONE, List.of(), List.of("本期没有可评分的数据"));
        }
        double score = round(weighted / weights);
        List<String> reasons = new ArrayList<>();
        Outcome outcome;
        if (score < trainBelow) {
            outcome = Outcome.TRAINING;
            reasons.add("综合得分 " + format(score) + " 低于 " + format(trainBelow));
        } else if (score >= commendFrom && weak.isEmpty()) {
            outcome = Outcome.COMMENDATION;
            reasons.add("综合得分 " + format(score) + " 达到 " + format(commendFrom) + " 且各项均达标");
        } else {
            outcome = Outcome.NONE;
        }
        reasons.addAll(weakReasons);
        return new Scored(score, scores, outcome, weak, reasons);
    }

    private static void unknown(Map<String, Rule> rules, Map<String, ?> measures, String whose) {
        for (String name : rules.keySet()) {
            if (!measures.containsKey(name)) {
                throw new IllegalArgumentException("no " + whose + " KPI named " + name + "; known: "
                        + new java.util.TreeSet<>(measures.keySet()));
            }
        }
    }

    private static Double percent(Double rate) {
        return rate == null ? null : rate * 100;
    }

    private static Double complement(Double rate) {
        return rate == null ? null : Math.max(0, 1 - rate) * 100;
    }

    private static Double satisfaction(Double average) {
        return average == null ? null : (average - 1) / 4 * 100;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
