package com.caseflow.evaluation.training.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingAssignmentTests {

    private static final Function<String, String> LABELS = Map.of("answerWithinThreeRings", "三声内接听率",
            "satisfaction", "客户满意度")::get;
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    private static TrainingAssignment assignment(List<String> weak) {
        return TrainingAssignment.assign("AGENT.A001.MONTH.2026-11-01", 2, "A001", "MONTH",
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), weak,
                Map.of("answerWithinThreeRings", 25.0, "satisfaction", 40.0, "completeRecords", 100.0), LABELS,
                "S001", LocalDate.parse("2026-12-15"), NOW);
    }

    @Test
    void whenAssignedThenTheTopicNamesTheWeakKpisInChineseAndOnlyTheirScoresAreKeptAsTheBase() {
        TrainingAssignment a = assignment(List.of("answerWithinThreeRings", "satisfaction", "reopens"));

        assertThat(a.id()).isEqualTo("TRAINING.AGENT.A001.MONTH.2026-11-01");
        assertThat(a.topic()).as("a KPI without a label goes by its code")
                .isEqualTo("专项培训：三声内接听率、客户满意度、reopens");
        assertThat(a.kpiScoresBefore()).containsOnly(Map.entry("answerWithinThreeRings", 25.0),
                Map.entry("satisfaction", 40.0));
        assertThat(a.status()).isEqualTo(TrainingStatus.ASSIGNED);
        assertThat(assignment(List.of()).topic()).isEqualTo("综合业务培训");
    }

    @Test
    void whenCompletedTwiceThenTheSecondIsRefusedAndOnlyAnOpenAssignmentIsOverdue() {
        TrainingAssignment a = assignment(List.of("satisfaction"));
        assertThat(a.overdue(LocalDate.parse("2026-12-16"))).isTrue();
        assertThat(a.overdue(LocalDate.parse("2026-12-15"))).isFalse();

        TrainingAssignment done = a.complete("S001", NOW.plusSeconds(60), "已完成话术演练");

        assertThat(done.status()).isEqualTo(TrainingStatus.COMPLETED);
        assertThat(done.overdue(LocalDate.parse("2026-12-16"))).isFalse();
        assertThatThrownBy(() -> done.complete("M001", NOW.plusSeconds(120), null))
                .isInstanceOf(TrainingAssignment.AlreadyCompletedException.class).hasMessageContaining("S001");
    }

    @Test
    void whenComparedWithALaterEvaluationThenEachWeakKpiSaysWhetherItImproved() {
        TrainingAssignment a = assignment(List.of("answerWithinThreeRings", "satisfaction", "reopens"));

        List<TrainingAssignment.KpiChange> changes = a.changes(Map.of("answerWithinThreeRings", 80.0,
                "satisfaction", 40.0), LABELS);

        assertThat(changes).containsExactly(
                new TrainingAssignment.KpiChange("answerWithinThreeRings", "三声内接听率", 25.0, 80.0, true),
                new TrainingAssignment.KpiChange("satisfaction", "客户满意度", 40.0, 40.0, false),
                new TrainingAssignment.KpiChange("reopens", "reopens", null, null, null));
    }
}
