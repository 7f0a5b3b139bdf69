package com.caseflow.infra.phone;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The calls of a traffic run, one after the other in order of arrival, computed from the plan and its seed alone — no
 * clock: the runner plays them in real time, a test reads thousands of them at once. Times are offsets from the start.
 *
 * <ul>
 *   <li>Arrivals: a Poisson process at the plan's rate (exponential gaps).</li>
 *   <li>Each call is abandoned with the plan's probability, whatever happens to it; an abandoning caller's patience is
 *       log-normal, median 12 s, between 2 and 45 s. Patience shorter than the wait for an agent: abandoned in the
 *       queue, without ringing.</li>
 *   <li>After 0.5–3 s of routing the call rings at the agent who has been free longest, or waits for the first one to
 *       be free; an agent takes one call at a time (ringing, talking).</li>
 *   <li>Ring time before an answer: log-normal, median 6 s, about 8 % beyond the three rings of 15 s, between 1 and
 *       60 s.</li>
 *   <li>Talk time: log-normal (σ 0.7), median 90 s, shorter when the agents would otherwise be busy more than 80 % of
 *       the time (the plan is refused when even short calls would be too many for its agents).</li>
 *   <li>Callers: 11-digit mobiles; 5 % withheld; one in ten calls again from a recent caller's number.</li>
 * </ul>
 */
public final class TrafficSchedule implements Iterator<TrafficSchedule.PlannedCall> {

    static final Duration RING_MEDIAN = Duration.ofSeconds(6);
    static final double RING_SIGMA = 0.65;
    static final Duration PATIENCE_MEDIAN = Duration.ofSeconds(12);
    static final double PATIENCE_SIGMA = 0.6;
    static final Duration TALK_MEDIAN = Duration.ofSeconds(90);
    static final double TALK_SIGMA = 0.7;
    static final Duration SHORTEST_TALK_MEDIAN = Duration.ofSeconds(4);
    static final Duration SHORTEST_MEAN_HANDLING = Duration.ofMillis(
            Math.round(1000 * (mean(RING_MEDIAN, RING_SIGMA) + mean(SHORTEST_TALK_MEDIAN, TALK_SIGMA))));
    static final double WITHHELD_SHARE = 0.05;
    static final double REPEAT_CALLER_SHARE = 0.10;
    private static final int RECENT_CALLERS = 50;
    private static final String[] MOBILE_PREFIXES = {"135", "136", "137", "138", "139", "150", "151", "158", "177",
        "180", "186", "187", "188", "189"};

    /**
     * One call of the run; offsets from the start of the run.
     *
     * @param caller        normalised mobile, null when withheld
     * @param agent         where it rang; null when abandoned in the queue
     * @param ringStartedAt null when abandoned in the queue
     * @param answeredAt    null when abandoned
     * @param endedAt       when the call ended, or when the caller hung up unanswered
     */
    public record PlannedCall(int sequence, Duration offeredAt, String caller, String agent, Duration ringStartedAt,
            Duration answeredAt, Duration endedAt, boolean abandoned) {
    }

    private final TrafficPlan plan;
    private final RandomGenerator random;
    private final Duration talkMedian;
    /** When each agent (by the plan's order) is free again, in milliseconds from the start. */
    private final long[] agentFreeAt;
    private final Deque<String> recentCallers = new ArrayDeque<>();
    private double clockMillis;
    private int sequence;

    public TrafficSchedule(TrafficPlan plan, long seed) {
        this.plan = plan;
        // SplittableRandom, not Random: Random's first numbers from small seeds (1, 2, 42) are close to each other
        this.random = new SplittableRandom(seed);
        this.agentFreeAt = new long[plan.agents().size()];
        this.talkMedian = talkMedian(plan);
    }

    /** The talk time's median: 90 s, or less so that the agents are busy at most 80 % of the time. */
    static Duration talkMedian(TrafficPlan plan) {
        double handlingAllowed = TrafficPlan.MAX_OCCUPANCY * plan.agents().size() * 60 / plan.callsPerMinute();
        double talkMeanAllowed = handlingAllowed - mean(RING_MEDIAN, RING_SIGMA);
        double median = talkMeanAllowed / Math.exp(TALK_SIGMA * TALK_SIGMA / 2);
        double seconds = Math.max(SHORTEST_TALK_MEDIAN.toMillis() / 1000.0,
                Math.min(TALK_MEDIAN.toMillis() / 1000.0, median));
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** Arrivals never end: a run stops at its duration or when told to. */
    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public PlannedCall next() {
        if (sequence == Integer.MAX_VALUE) {
            throw new NoSuchElementException();
        }
        // Every draw happens for every call, in the same order: a call's fate never shifts the numbers of the next.
        double gap = -Math.log(1 - random.nextDouble()) * 60_000 / plan.callsPerMinute();
        boolean abandons = random.nextDouble() < plan.abandonedShare();
        long routing = 500 + (long) (random.nextDouble() * 2500);
        long ring = logNormal(RING_MEDIAN, RING_SIGMA, 1_000, 60_000);
        long patience = logNormal(PATIENCE_MEDIAN, PATIENCE_SIGMA, 2_000, 45_000);
        long talk = logNormal(talkMedian, TALK_SIGMA, 3_000, 20 * 60_000);
        String caller = caller();

        clockMillis += gap;
        long offered = Math.round(clockMillis);
        int agent = freestAgent();
        long ringStart = Math.max(offered + routing, agentFreeAt[agent]);
        sequence++;
        if (abandons) {
            long hangUp = offered + patience;
            if (hangUp <= ringStart) {
                return new PlannedCall(sequence, ms(offered), caller, null, null, null, ms(hangUp), true);
            }
            agentFreeAt[agent] = hangUp;
            return new PlannedCall(sequence, ms(offered), caller, plan.agents().get(agent), ms(ringStart), null,
                    ms(hangUp), true);
        }
        long answered = ringStart + ring;
        long ended = answered + talk;
        agentFreeAt[agent] = ended;
        return new PlannedCall(sequence, ms(offered), caller, plan.agents().get(agent), ms(ringStart), ms(answered),
                ms(ended), false);
    }

    /** The first n calls, for a look ahead (and the tests). */
    public List<PlannedCall> next(int n) {
        List<PlannedCall> calls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            calls.add(next());
        }
        return calls;
    }

    private int freestAgent() {
        int freest = 0;
        for (int i = 1; i < agentFreeAt.length; i++) {
            if (agentFreeAt[i] < agentFreeAt[freest]) {
                freest = i;
            }
        }
        return freest;
    }

    private String caller() {
        double kind = random.nextDouble();
        String prefix = MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)];
        String fresh = prefix + String.format("%08d", random.nextInt(100_000_000));
        int pick = random.nextInt(RECENT_CALLERS);
        if (kind < WITHHELD_SHARE) {
            return null;
        }
        if (kind < WITHHELD_SHARE + REPEAT_CALLER_SHARE && !recentCallers.isEmpty()) {
            return new ArrayList<>(recentCallers).get(pick % recentCallers.size());
        }
        recentCallers.addFirst(fresh);
        if (recentCallers.size() > RECENT_CALLERS) {
            recentCallers.removeLast();
        }
        return fresh;
    }

    private long logNormal(Duration median, double sigma, long min, long max) {
        double millis = median.toMillis() * Math.exp(sigma * random.nextGaussian());
        return Math.max(min, Math.min(max, Math.round(millis)));
    }

    /** The mean of a log-normal distribution with this median, in seconds. */
    private static double mean(Duration median, double sigma) {
        return median.toMillis() / 1000.0 * Math.exp(sigma * sigma / 2);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
