package com.caseflow.evaluation.spotchecks.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * How contacts are stratified for a draw.
 *
 * @param flaggedShare          the share of each agent's K drawn from flagged contacts (rounded half up)
 * @param priority              the flagged strata, most important first: a contact belongs to the first that applies.
 *                              A stratum left out is not over-sampled.
 * @param lowSatisfactionAtMost a satisfaction at or below this (1–5) flags the case as low satisfaction
 */
public record SamplingPolicy(double flaggedShare, List<Stratum> priority, int lowSatisfactionAtMost) {

    public static final List<Stratum> DEFAULT_PRIORITY = List.of(Stratum.COMPLAINT, Stratum.LOW_SATISFACTION,
            Stratum.ESCALATED, Stratum.LONG_RUNNING, Stratum.SETTLED);

    public SamplingPolicy {
        if (!(flaggedShare >= 0 && flaggedShare <= 1)) {
            throw new IllegalArgumentException("the flagged share is between 0 and 1");
        }
        Objects.requireNonNull(priority, "priority");
        if (priority.contains(Stratum.ORDINARY) || new HashSet<>(priority).size() != priority.size()) {
            throw new IllegalArgumentException("the strata order lists flagged strata, each once");
        }
        if (lowSatisfactionAtMost < 1 || lowSatisfactionAtMost > 5) {
            throw new IllegalArgumentException("low satisfaction is at most 1 to 5");
        }
        priority = List.copyOf(priority);
    }

    /** The contact's stratum and reasons; {@code flags} null when it has no case. */
    public Candidate classify(ContactFacts contact, CaseFlags flags, Instant asOf) {
        List<Stratum> reasons = new ArrayList<>();
        for (Stratum stratum : priority) {
            if (applies(stratum, contact, flags, asOf)) {
                reasons.add(stratum);
            }
        }
        return new Candidate(contact, reasons.isEmpty() ? Stratum.ORDINARY : reasons.get(0), reasons);
    }

    private boolean applies(Stratum stratum, ContactFacts contact, CaseFlags flags, Instant asOf) {
        return switch (stratum) {
            case COMPLAINT -> "COMPLAINT".equals(contact.category());
            case LOW_SATISFACTION -> flags != null && flags.lowSatisfaction(lowSatisfactionAtMost);
            case ESCALATED -> flags != null && flags.escalated();
            case LONG_RUNNING -> flags != null && flags.longRunning(asOf);
            case SETTLED -> contact.settled();
            case ORDINARY -> false;
        };
    }
}
