package com.caseflow.evaluation.recurring.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An issue's weekly volume around a proposal recorded on Wednesday 2026-11-11 (ISO week 2026-W46, Nov 9–15), read on
 * Wednesday 2026-12-02 (W49, under way).
 */
class IssueTrendTests {

    private static final LocalDate RECORDED = LocalDate.of(2026, 11, 11);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private final Map<LocalDate, Long> contacts = new HashMap<>();

    private void on(String day, long n) {
        contacts.merge(LocalDate.parse(day), n, Long::sum);
    }

    private IssueTrend trend(LocalDate recorded, LocalDate today, int weeksSince) {
        return IssueTrend.of(recorded, today, 4, weeksSince, d -> contacts.getOrDefault(d, 0L));
    }

    @Test
    void whenTheVolumeDroppedAfterTheProposalThenTheAveragesShowItFell() {
        on("2026-10-11", 50); // a Sunday before the first week: not shown
        on("2026-10-12", 4);  // W42
        on("2026-10-18", 6);  // W42 (Sunday)
        on("2026-10-20", 6);  // W43
        on("2026-10-26", 8);  // W44
        on("2026-11-08", 8);  // W45 (Sunday)
        on("2026-11-09", 3);  // W46, recorded: on neither side
        on("2026-11-15", 4);  // W46
        on("2026-11-16", 5);  // W47
        on("2026-11-29", 3);  // W48 (Sunday)
        on("2026-12-01", 2);  // W49, under way: shown, not averaged
        on("2026-12-03", 9);  // tomorrow: not counted

        IssueTrend trend = trend(RECORDED, TODAY, 12);

        assertThat(trend.weeks()).extracting(IssueTrend.Week::week).containsExactly("2026-W42", "2026-W43",
                "2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-W49");
        assertThat(trend.weeks()).extracting(IssueTrend.Week::contacts).containsExactly(10L, 6L, 8L, 8L, 7L, 5L, 3L,
                2L);
        assertThat(trend.weeks()).extracting(IssueTrend.Week::phase).containsExactly(IssueTrend.Phase.BEFORE,
                IssueTrend.Phase.BEFORE, IssueTrend.Phase.BEFORE, IssueTrend.Phase.BEFORE, IssueTrend.Phase.RECORDED,
                IssueTrend.Phase.AFTER, IssueTrend.Phase.AFTER, IssueTrend.Phase.AFTER);
        assertThat(trend.weeks().get(7).complete()).isFalse();
        assertThat(trend.weeks().get(6).complete()).isTrue();
        assertThat(trend.weeks().get(0).from()).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(trend.weeks().get(0).to()).isEqualTo(LocalDate.of(2026, 10, 18));
        assertThat(trend.beforeAverage()).isEqualTo(8.0);
        assertThat(trend.afterAverage()).isEqualTo(4.0);
        assertThat(trend.fell()).isTrue();
    }

    @Test
    void whenTheVolumeGrewThenItDidNotFall() {
        on("2026-10-20", 4);
        on("2026-11-17", 2);
        on("2026-11-24", 3);

        IssueTrend trend = trend(RECORDED, TODAY, 12);

        assertThat(trend.beforeAverage()).isEqualTo(1.0);
        assertThat(trend.afterAverage()).isEqualTo(2.5);
        assertThat(trend.fell()).isFalse();
    }

    @Test
    void whenNoWeekAfterTheRecordingWeekIsOverThenThereIsNoAfterAverageYet() {
        on("2026-11-02", 4);
        on("2026-11-16", 1);

        IssueTrend trend = trend(RECORDED, LocalDate.of(2026, 11, 22), 12);

        assertThat(trend.weeks()).extracting(IssueTrend.Week::phase).endsWith(IssueTrend.Phase.RECORDED,
                IssueTrend.Phase.AFTER);
        assertThat(trend.weeks().get(5).complete()).as("Sunday 11-22 is still under way").isFalse();
        assertThat(trend.beforeAverage()).isEqualTo(1.0);
        assertThat(trend.afterAverage()).isNull();
        assertThat(trend.fell()).isNull();
    }

    @Test
    void whenTheProposalIsOldThenOnlyTheFirstWeeksSinceAreShown() {
        IssueTrend trend = trend(RECORDED, LocalDate.of(2027, 6, 1), 12);

        assertThat(trend.weeks()).hasSize(4 + 12);
        assertThat(trend.weeks().get(15).week()).isEqualTo("2027-W04");
        assertThat(trend.afterAverage()).isEqualTo(0.0);
        assertThat(trend.fell()).isFalse();
        assertThat(IssueTrend.lastDay(RECORDED, LocalDate.of(2027, 6, 1), 12)).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(IssueTrend.firstDay(RECORDED, 4)).isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void whenAWeekStraddlesNewYearThenItIsNamedByItsWeekBasedYear() {
        IssueTrend trend = trend(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1), 12);

        assertThat(trend.weeks()).extracting(IssueTrend.Week::week).containsExactly("2026-W49", "2026-W50",
                "2026-W51", "2026-W52", "2026-W53");
    }
}
