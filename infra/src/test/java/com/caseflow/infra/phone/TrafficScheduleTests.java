package com.caseflow.infra.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.caseflow.infra.phone.TrafficSchedule.PlannedCall;
import org.junit.jupiter.api.Test;

/** The schedule computed from a seed, thousands of calls at once: no clock, no waiting. */
class TrafficScheduleTests {

    private static final List<String> AGENTS = List.of("A001", "A002", "A003", "A004");
    private static final int CALLS = 4000;

    private static TrafficPlan plan(double perMinute, double abandonedShare) {
        return new TrafficPlan(perMinute, abandonedShare, AGENTS, null, "400-820-8820", null);
    }

    @Test
    void whenASeedIsGivenThenTheScheduleIsTheSameEveryTimeAndAnotherSeedGivesAnother() {
        List<PlannedCall> first = new TrafficSchedule(plan(6, 0.1), 42).next(200);
        List<PlannedCall> again = new TrafficSchedule(plan(6, 0.1), 42).next(200);
        List<PlannedCall> other = new TrafficSchedule(plan(6, 0.1), 43).next(200);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void whenTenPercentAreAskedToAbandonThenTheShareIsTenPercentWithinThreeStandardDeviations() {
        for (double share : new double[] {0.0, 0.1, 0.35}) {
            List<PlannedCall> calls = new TrafficSchedule(plan(6, share), 20261205).next(CALLS);

            double abandoned = calls.stream().filter(PlannedCall::abandoned).count() / (double) CALLS;

            double sd = Math.sqrt(share * (1 - share) / CALLS);
            assertThat(abandoned).as("share abandoned, asked %s", share).isCloseTo(share, within(3 * sd + 1e-9));
        }
    }

    @Test
    void whenCallsArriveThenTheGapsAreThoseOfAPoissonProcessAtTheAskedRate() {
        List<PlannedCall> calls = new TrafficSchedule(plan(6, 0.1), 7).next(CALLS);

        double meanGapSeconds = calls.get(CALLS - 1).offeredAt().toMillis() / 1000.0 / CALLS;
        long gapsOverTwiceTheMean = 0;
        for (int i = 1; i < CALLS; i++) {
            Duration gap = calls.get(i).offeredAt().minus(calls.get(i - 1).offeredAt());
            assertThat(gap.isNegative()).isFalse();
            if (gap.toMillis() > 20_000) {
                gapsOverTwiceTheMean++;
            }
        }

        assertThat(meanGapSeconds).isCloseTo(10.0, within(0.5));
        // exponential gaps: P(gap > 2 × mean) = e^-2 ≈ 13.5 %
        assertThat(gapsOverTwiceTheMean / (double) CALLS).isCloseTo(Math.exp(-2), within(0.02));
    }

    @Test
    void whenCallsAreAnsweredThenRingTimesHaveAMedianOfSixSecondsAndATailPastTheThreeRings() {
        List<Duration> rings = new TrafficSchedule(plan(6, 0.1), 11).next(CALLS).stream()
                .filter(call -> !call.abandoned())
                .map(call -> call.answeredAt().minus(call.ringStartedAt()))
                .sorted().toList();

        Duration median = rings.get(rings.size() / 2);
        double beyondThreeRings = rings.stream().filter(ring -> ring.toSeconds() >= 15).count()
                / (double) rings.size();

        assertThat(median.toMillis()).isBetween(5_500L, 6_500L);
        assertThat(beyondThreeRings).isBetween(0.04, 0.14);
        assertThat(rings.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(rings.get(rings.size() - 1)).isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void whenCallersAbandonThenTheyHangUpAfterAFewToFortyFiveSecondsSomeInTheQueueWithoutRinging() {
        List<PlannedCall> abandoned = new TrafficSchedule(plan(6, 0.3), 5).next(CALLS).stream()
                .filter(PlannedCall::abandoned).toList();

        List<Duration> patience = abandoned.stream().map(call -> call.endedAt().minus(call.offeredAt())).sorted()
                .toList();

        assertThat(patience.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(patience.get(patience.size() - 1)).isLessThanOrEqualTo(Duration.ofSeconds(45))
                .isGreaterThan(Duration.ofSeconds(30));
        assertThat(abandoned).allSatisfy(call -> {
            assertThat(call.answeredAt()).isNull();
            assertThat(call.agent() == null).isEqualTo(call.ringStartedAt() == null);
            if (call.ringStartedAt() != null) {
                assertThat(call.endedAt()).isGreaterThan(call.ringStartedAt());
            }
        });
        assertThat(abandoned).anyMatch(call -> call.agent() == null);
        assertThat(abandoned).anyMatch(call -> call.agent() != null);
    }

    @Test
    void whenCallsRingThenEachAgentHasOneCallAtATimeAndTheCallsStayInOrder() {
        List<PlannedCall> calls = new TrafficSchedule(plan(12, 0.1), 3).next(CALLS);

        Map<String, List<PlannedCall>> byAgent = calls.stream().filter(call -> call.agent() != null)
                .collect(Collectors.groupingBy(PlannedCall::agent));

        assertThat(byAgent.keySet()).containsExactlyInAnyOrderElementsOf(AGENTS);
        byAgent.values().forEach(own -> {
            List<PlannedCall> byRing = own.stream().sorted(Comparator.comparing(PlannedCall::ringStartedAt)).toList();
            for (int i = 1; i < byRing.size(); i++) {
                assertThat(byRing.get(i).ringStartedAt()).isGreaterThanOrEqualTo(byRing.get(i - 1).endedAt());
            }
        });
        assertThat(calls).allSatisfy(call -> {
            if (call.ringStartedAt() != null) {
                assertThat(call.ringStartedAt()).isGreaterThanOrEqualTo(call.offeredAt().plusMillis(500));
            }
            if (call.answeredAt() != null) {
                assertThat(call.endedAt()).isGreaterThan(call.answeredAt());
            }
        });
    }

    @Test
    void whenNumbersAreMadeUpThenTheyAreMobilesSomeWithheldSomeCallingAgain() {
        List<PlannedCall> calls = new TrafficSchedule(plan(6, 0.1), 9).next(CALLS);

        long withheld = calls.stream().filter(call -> call.caller() == null).count();
        long distinct = calls.stream().map(PlannedCall::caller).filter(Objects::nonNull).distinct().count();

        assertThat(calls).extracting(PlannedCall::caller).filteredOn(Objects::nonNull)
                .allMatch(caller -> caller.matches("1[3-9]\\d{9}"));
        assertThat(withheld / (double) CALLS).isCloseTo(TrafficSchedule.WITHHELD_SHARE, within(0.015));
        assertThat((CALLS - withheld - distinct) / (double) CALLS)
                .isCloseTo(TrafficSchedule.REPEAT_CALLER_SHARE, within(0.02));
    }

    @Test
    void whenTheAgentsAreFewThenTalksAreShorterAndTooManyCallsForThemAreRefused() {
        assertThat(TrafficSchedule.talkMedian(plan(1, 0.1))).isEqualTo(TrafficSchedule.TALK_MEDIAN);
        assertThat(TrafficSchedule.talkMedian(plan(12, 0.1))).isLessThan(TrafficSchedule.TALK_MEDIAN)
                .isGreaterThanOrEqualTo(TrafficSchedule.SHORTEST_TALK_MEDIAN);

        assertThat(TrafficPlan.problems(6.0, 0.1, List.of("A001", "A002"), null, null)).isEmpty();
        assertThat(TrafficPlan.problems(60.0, 0.1, List.of("A001", "A002"), null, null)).containsOnlyKeys("agents");
        assertThat(TrafficPlan.problems(0.0, -0.1, List.of("A001", "A001"), 0.0, "x"))
                .containsOnlyKeys("callsPerMinute", "abandonedShare", "agents", "minutes", "hotline");
    }
}
