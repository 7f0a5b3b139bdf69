package com.caseflow.evaluation.evaluations.domain;

import java.util.List;
import java.util.Map;

/**
 * One agent's or department's period under the policy.
 *
 * @param score     0–100, weighted over the KPIs that had something to count; null when none had
 * @param kpiScores each KPI that had something to count → its 0–100 score, in the policy's order
 * @param weakKpis  KPIs below their target
 * @param reasons   why the outcome, in the users' words
 */
public record Scored(Double score, Map<String, Double> kpiScores, Outcome outcome, List<String> weakKpis,
                     List<String> reasons) {

    public Scored {
        kpiScores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kpiScores));
        weakKpis = List.copyOf(weakKpis);
        reasons = List.copyOf(reasons);
    }
}
