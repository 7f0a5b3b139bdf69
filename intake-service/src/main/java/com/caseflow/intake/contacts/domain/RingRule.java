package com.caseflow.intake.contacts.domain;

import java.time.Duration;

/**
 * The three-ring rule (响铃三声内接听). Telephony reports either a ring count or the ring and answer times; from times
 * the count follows from the ring cadence, in China one second of tone and four of silence.
 */
public record RingRule(Duration ringCycle, int maxRings) {

    public static final RingRule CHINA = new RingRule(Duration.ofSeconds(5), 3);

    /** Rings heard before the answer: a call answered during the first ring counts one. */
    public int ringsBefore(Duration waited) {
        long millis = Math.max(0, waited.toMillis());
        return (int) (millis / ringCycle.toMillis()) + 1;
    }

    /**
     * Rings heard before an answer the platform measured: the started cycles, at least one. Answered at 15 s is three
     * rings, as {@code CallAnswered.THREE_RINGS} counts it.
     */
    public int ringsMeasured(Duration waited) {
        long millis = Math.max(0, waited.toMillis());
        return (int) Math.max(1, (millis + ringCycle.toMillis() - 1) / ringCycle.toMillis());
    }

    public boolean kept(int rings) {
        return rings <= maxRings;
    }
}
