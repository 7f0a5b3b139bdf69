package com.caseflow.evaluation.spotchecks.domain;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScorecardTests {

    private static final Scorecard CARD = new Scorecard("2026-1", 5, List.of(
            new Scorecard.Item("GREETING", "问候与礼貌", 15, false),
            new Scorecard.Item("PLAIN_LANGUAGE", "用语通俗无术语", 15, false),
            new Scorecard.Item("COMPLETE_RECORD", "记录完整", 20, false),
            new Scorecard.Item("CLASSIFICATION", "分类与转办正确", 20, false),
            new Scorecard.Item("PRIVACY", "尊重隐私", 15, true),
            new Scorecard.Item("FOLLOW_UP", "跟进到位", 15, false)));

    private static Map<String, Integer> ratings(int greeting, int plain, int record, int classification, int privacy,
                                                int followUp) {
        Map<String, Integer> r = new LinkedHashMap<>();
        r.put("GREETING", greeting);
        r.put("PLAIN_LANGUAGE", plain);
        r.put("COMPLETE_RECORD", record);
        r.put("CLASSIFICATION", classification);
        r.put("PRIVACY", privacy);
        r.put("FOLLOW_UP", followUp);
        return r;
    }

    private static List<Scorecard.Rating> sent(Map<String, Integer> ratings) {
        return ratings.entrySet().stream().map(e -> new Scorecard.Rating(e.getKey(), e.getValue())).toList();
    }

    @Test
    void whenEveryItemIsRatedThenTheScoreIsTheWeightedShareOfTheMaximum() {
        assertThat(CARD.score(ratings(5, 5, 5, 5, 5, 5)).score()).isEqualTo(100.0);
        assertThat(CARD.score(ratings(4, 4, 4, 4, 4, 4)).score()).isEqualTo(80.0);
        // 15·1 + 15·0.6 + 20·0.8 + 20·0.4 + 15·1 + 15·0 = 63 of 100
        Scorecard.Scored scored = CARD.score(ratings(5, 3, 4, 2, 5, 0));
        assertThat(scored.score()).isEqualTo(63.0);
        assertThat(scored.criticalFailures()).as("follow-up is not critical").isEmpty();
    }

    @Test
    void whenWeightsDifferThenHeavierItemsCountMore() {
        Scorecard lopsided = new Scorecard("x", 4, List.of(new Scorecard.Item("A", "甲", 3, false),
                new Scorecard.Item("B", "乙", 1, false)));

        assertThat(lopsided.score(Map.of("A", 4, "B", 0)).score()).isEqualTo(75.0);
        assertThat(lopsided.score(Map.of("A", 0, "B", 4)).score()).isEqualTo(25.0);
        // (3·1/4 + 1·3/4) / 4 × 100 = 37.5; (3·2/4 + 1·1/4) / 4 × 100 = 43.75 → 43.8 (one decimal, half up)
        assertThat(lopsided.score(Map.of("A", 1, "B", 3)).score()).isEqualTo(37.5);
        assertThat(lopsided.score(Map.of("A", 2, "B", 1)).score()).isEqualTo(43.8);
    }

    @Test
    void whenACriticalItemIsRatedZeroThenTheScoreIsZeroAndTheItemIsNamed() {
        Scorecard.Scored scored = CARD.score(ratings(5, 5, 5, 5, 0, 5));

        assertThat(scored.score()).isZero();
        assertThat(scored.criticalFailures()).containsExactly("PRIVACY");
        assertThat(CARD.score(ratings(5, 5, 5, 5, 1, 5)).criticalFailures()).isEmpty();
    }

    @Test
    void whenRatingsAreValidThenNothingIsWrong() {
        assertThat(CARD.check(sent(ratings(0, 1, 2, 3, 4, 5)))).isEmpty();
    }

    @Test
    void whenRatingsAreMissingUnknownOutOfRangeOrTwiceThenEachIsNamed() {
        List<Scorecard.Rating> sent = List.of(
                new Scorecard.Rating("GREETING", 5),
                new Scorecard.Rating("GREETING", 4),
                new Scorecard.Rating("PLAIN_LANGUAGE", 6),
                new Scorecard.Rating("COMPLETE_RECORD", -1),
                new Scorecard.Rating("CLASSIFICATION", null),
                new Scorecard.Rating("SMILE", 3),
                new Scorecard.Rating("FOLLOW_UP", 5));

        assertThat(CARD.check(sent)).extracting(Scorecard.Problem::field).containsExactlyInAnyOrder(
                "ratings.GREETING", "ratings.PLAIN_LANGUAGE", "ratings.COMPLETE_RECORD", "ratings.CLASSIFICATION",
                "ratings.SMILE", "ratings.PRIVACY");
        assertThat(CARD.check(List.of())).extracting(Scorecard.Problem::field).containsExactly("ratings");
        assertThat(CARD.check(List.of(new Scorecard.Rating("bad key!", 1)))).extracting(Scorecard.Problem::field)
                .contains("ratings", "ratings.GREETING");
    }

    @Test
    void whenTheScorecardIsMisconfiguredThenItIsRefused() {
        assertThatThrownBy(() -> new Scorecard("v", 5, List.of(new Scorecard.Item("A", "甲", 0, false))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Scorecard("v", 5, List.of(new Scorecard.Item("A", "甲", 1, false),
                new Scorecard.Item("A", "乙", 1, false)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Scorecard("v", 0, List.of(new Scorecard.Item("A", "甲", 1, false))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
