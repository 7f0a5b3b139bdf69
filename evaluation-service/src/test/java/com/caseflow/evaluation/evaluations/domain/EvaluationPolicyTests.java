package com.caseflow.evaluation.evaluations.domain;

import com.caseflow.evaluation.aggregates.domain.Kpis;
import com.caseflow.events.contact.TimingSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluationPolicyTests {

    private static final Map<String, EvaluationPolicy.Rule> AGENT_RULES = new LinkedHashMap<>();

    static {
        AGENT_RULES.put("answerWithinThreeRings", new EvaluationPolicy.Rule(2, 90, "三声内接听率"));
        AGENT_RULES.put("satisfaction", new EvaluationPolicy.Rule(3, 75, "客户满意度"));
        AGENT_RULES.put("spotChecks", new EvaluationPolicy.Rule(3, 80, "抽查得分"));
        AGENT_RULES.put("reopens", new EvaluationPolicy.Rule(1, 90, "未重开率"));
    }

    private final EvaluationPolicy policy = new EvaluationPolicy("t", AGENT_RULES,
            Map.of("resolutionOnTime", new EvaluationPolicy.Rule(1, 85, "按时解决率")), 90, 70, 1);

    private static Kpis.AgentKpis agent(Double answered, Double satisfaction, Double spotChecks, Double reopen,
                                        long criticalFailures) {
        return agent(answered, answered == null ? null : TimingSource.MEASURED, satisfaction, spotChecks, reopen,
                criticalFailures);
    }

    private static Kpis.AgentKpis agent(Double answered, TimingSource threeRings, Double satisfaction,
                                        Double spotChecks, Double reopen, long criticalFailures) {
        return new Kpis.AgentKpis(10, 10, 0, answered, null, 1.0, 0.5, satisfaction, null, reopen,
                spotChecks == null ? 0 : 2, spotChecks, criticalFailures, threeRings,
                threeRings == TimingSource.MEASURED ? answered : null,
                threeRings == TimingSource.SELF_REPORTED ? answered : null, null, null,
                new Kpis.CallMeasures(0, 0, 0, 0, null, null, null));
    }

    @Test
    void whenEveryKpiIsCountedThenTheScoreIsTheirWeightedMeanOnTheHundredScale() {
        // answered 95 % → 95; satisfaction 4.2 → (4.2-1)/4 = 80; spot-checks 85; reopen 5 % → 95
        Scored scored = policy.agent(agent(0.95, 4.2, 85.0, 0.05, 0));

        // (2·95 + 3·80 + 3·85 + 1·95) / 9 = 780 / 9 = 86.67
        assertThat(scored.score()).isEqualTo(86.7);
        assertThat(scored.kpiScores()).containsExactly(Map.entry("answerWithinThreeRings", 95.0),
                Map.entry("satisfaction", 80.0), Map.entry("spotChecks", 85.0), Map.entry("reopens", 95.0));
        assertThat(scored.outcome()).isEqualTo(Outcome.NONE);
        assertThat(scored.weakKpis()).isEmpty();
    }

    @Test
    void whenTheThreeRingRateIsSelfReportedThenTheEvaluationSaysSoAndWhenMeasuredItDoesNot() {
        Scored reported = policy.agent(agent(0.95, TimingSource.SELF_REPORTED, 4.2, 85.0, 0.05, 0));
        Scored measured = policy.agent(agent(0.95, TimingSource.MEASURED, 4.2, 85.0, 0.05, 0));

        assertThat(reported.kpiScores()).containsEntry("answerWithinThreeRings", 95.0);
        assertThat(reported.score()).isEqualTo(measured.score());
        assertThat(reported.reasons()).contains("三声内接听率为自报数据（本期无实测来电）");
        assertThat(measured.reasons()).noneMatch(r -> r.contains("自报"));
        assertThat(policy.agent(agent(null, null, 4.2, 85.0, 0.05, 0)).reasons()).noneMatch(r -> r.contains("自报"));
    }

    @Test
    void whenAKpiHadNothingToCountThenTheOthersCarryTheScoreAlone() {
        // no spot-checks and no feedback yet: (2·100 + 1·100) / 3
        Scored scored = policy.agent(agent(1.0, null, null, 0.0, 0));

        assertThat(scored.score()).isEqualTo(100.0);
        assertThat(scored.kpiScores()).containsOnlyKeys("answerWithinThreeRings", "reopens");
        assertThat(scored.outcome()).isEqualTo(Outcome.COMMENDATION);
    }

    @Test
    void whenTheScoreIsLowThenTrainingNamesTheKpisBelowTheirTargets() {
        // answered 60 → weak; satisfaction 3.0 → 50 weak; spot-checks 90; reopen 0 % → 100: (120+150+270+100)/9 = 71.1
        Scored fine = policy.agent(agent(0.6, 3.0, 90.0, 0.0, 0));
        // the same with spot-checks 60: (120+150+180+100)/9 = 61.1
        Scored low = policy.agent(agent(0.6, 3.0, 60.0, 0.0, 0));

        assertThat(fine.score()).isEqualTo(71.1);
        assertThat(fine.outcome()).as("not below 70, though weak KPIs are named").isEqualTo(Outcome.NONE);
        assertThat(fine.weakKpis()).containsExactly("answerWithinThreeRings", "satisfaction");
        assertThat(low.score()).isEqualTo(61.1);
        assertThat(low.outcome()).isEqualTo(Outcome.TRAINING);
        assertThat(low.weakKpis()).containsExactly("answerWithinThreeRings", "satisfaction", "spotChecks");
        assertThat(low.reasons()).containsExactly("综合得分 61.1 低于 70.0", "三声内接听率 60.0 低于目标 90.0",
                "客户满意度 50.0 低于目标 75.0", "抽查得分 60.0 低于目标 80.0");
    }

    @Test
    void whenASpotCheckFoundACriticalViolationThenAWarningIsRecommendedWhateverTheScore() {
        Scored scored = policy.agent(agent(1.0, 5.0, 95.0, 0.0, 1));

        assertThat(scored.outcome()).isEqualTo(Outcome.WARNING);
        assertThat(scored.reasons().get(0)).isEqualTo("抽查发现严重违规 1 次");
    }

    @Test
    void whenAHighScoreHasAWeakKpiThenItIsNotCommended() {
        // answered 85 → weak (target 90); the rest perfect: (170 + 300 + 300 + 100) / 9 = 96.7
        Scored scored = policy.agent(agent(0.85, 5.0, 100.0, 0.0, 0));

        assertThat(scored.score()).isEqualTo(96.7);
        assertThat(scored.outcome()).isEqualTo(Outcome.NONE);
    }

    @Test
    void whenNothingCouldBeScoredThenThereIsNoScoreAndNoOutcome() {
        Scored scored = policy.department(new Kpis.DepartmentKpis(0, 0, null, null, null, null, Map.of(), 0, 0, null,
                null, null));

        assertThat(scored.score()).isNull();
        assertThat(scored.outcome()).isEqualTo(Outcome.NONE);
    }

    @Test
    void whenThePolicyNamesAKpiThatDoesNotExistThenItIsRefusedAtStart() {
        assertThatThrownBy(() -> new EvaluationPolicy("t", Map.of("smiles", new EvaluationPolicy.Rule(1, 1, "微笑")),
                Map.of(), 90, 70, 1)).hasMessageContaining("smiles");
    }

    @Test
    void whenScoresTieThenTheyShareARankAndTheNextRankIsSkipped() {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("A3", 70.0);
        scores.put("A1", 90.0);
        scores.put("A2", 70.0);
        scores.put("A4", null);
        scores.put("A5", 50.0);

        assertThat(Ranking.of(scores)).containsOnly(Map.entry("A1", 1), Map.entry("A2", 2), Map.entry("A3", 2),
                Map.entry("A5", 4));
    }

    @Test
    void whenAPeriodIsAWholeMonthThenItIsComparedWithTheMonthBeforeOtherwiseWithAsManyDays() {
        assertThat(Period.month(LocalDate.parse("2026-03-01")).previous())
                .isEqualTo(new Period(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28")));
        assertThat(Period.week(LocalDate.parse("2026-11-23")).previous())
                .isEqualTo(new Period(LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-22")));
        assertThat(new Period(LocalDate.parse("2026-11-10"), LocalDate.parse("2026-11-12")).previous())
                .isEqualTo(new Period(LocalDate.parse("2026-11-07"), LocalDate.parse("2026-11-09")));
    }
}
