package com.caseflow.evaluation.evaluations.application;

import com.caseflow.evaluation.evaluations.domain.EvaluationPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/** The evaluation policy as configured under {@code caseflow.evaluation.policy}; KPIs weigh in the order listed. */
@ConfigurationProperties("caseflow.evaluation.policy")
record PolicyProperties(String version, Map<String, EvaluationPolicy.Rule> agentKpis,
                        Map<String, EvaluationPolicy.Rule> departmentKpis, double commendFrom, double trainBelow,
                        long warnAtCriticalFailures) {

    EvaluationPolicy policy() {
        return new EvaluationPolicy(version, agentKpis == null ? Map.of() : agentKpis,
                departmentKpis == null ? Map.of() : departmentKpis, commendFrom, trainBelow, warnAtCriticalFailures);
    }
}
