package com.caseflow.faults;

import java.time.Duration;
import java.util.List;

/**
 * How long and how hard a run is.
 *
 * @param perSecond      contacts the agents record per second, together
 * @param warmUp         load before each fault is injected
 * @param afterHeal      load after each fault is healed, before the load pauses for the phase's settling
 * @param recoveryLimit  the stated time within which lag must be back to 0 after each fault
 * @param replayRate     for a replay, which re-reads all history, the stated pace instead: records per second over
 *                       all groups (the limit is the larger of the two)
 * @param outageRate     likewise for the backlog a store outage leaves: every contact the agents could not record
 *                       while it lasted is recorded at once, and each becomes a case's records too, all written to
 *                       the one store that was away
 * @param hostile        hostile requests in the hostile-input phase
 * @param storeOutage    how long the store stays frozen in the store fault
 * @param limitsBinding  whether recovering later than the limit is a violation; when not, the run only requires that
 *                       lag gets back to 0, within a bound of several times the limit, and reports how long it took
 */
record Plan(String name, List<Fault> faults, double perSecond, Duration warmUp, Duration afterHeal,
            Duration recoveryLimit, int replayRate, int outageRate, int hostile, Duration storeOutage,
            boolean limitsBinding) {

    /** Past the limit, how long a run whose limits are not binding still waits for lag 0. */
    private static final int NON_BINDING_WAIT = 4;

    /** Everything the issue lists, at a rate a 2-core machine holds with every service running. */
    static Plan full() {
        return new Plan("full", List.of(Fault.values()), 10, Duration.ofSeconds(15), Duration.ofSeconds(15),
                Duration.ofSeconds(120), 100, 25, 240, Duration.ofMinutes(15), true);
    }

    /**
     * The time within which lag must be back to 0 after a fault that left this much lag. A replay re-reads all
     * history, and a store outage leaves all the contacts the agents could not record while it lasted to be recorded
     * at once: for those the limit is the backlog at the stated pace, when that is longer.
     */
    Duration limit(Fault fault, long worstLag) {
        int pace = switch (fault) {
            case REPLAY -> replayRate;
            case STORE_STOPPED -> outageRate;
            default -> 0;
        };
        Duration backlog = pace == 0 ? Duration.ZERO : Duration.ofSeconds(worstLag / pace);
        return backlog.compareTo(recoveryLimit) > 0 ? backlog : recoveryLimit;
    }

    /** The same run with only these faults, in this order (to look into one fault without the others). */
    Plan only(List<Fault> chosen) {
        return new Plan(name + " " + chosen, List.copyOf(chosen), perSecond, warmUp, afterHeal, recoveryLimit,
                replayRate, outageRate, hostile, storeOutage, limitsBinding);
    }

    /** How long to wait for lag 0 after a fault before calling it not recovered. */
    Duration wait(Fault fault, long worstLag) {
        return limit(fault, worstLag).multipliedBy(limitsBinding ? 1 : NON_BINDING_WAIT).plusMinutes(1);
    }

    /**
     * The run inside {@code ./mvnw verify}: fewer contacts, the faults that lose or double work most easily. It runs on
     * whatever else the machine is doing (CI on a busy machine), so its timings are reported, not judged: what it
     * proves is that nothing is lost or doubled and that every fault is recovered from. The stated recovery limits
     * are the full run's ({@code ./run --fault-suite}), on a machine doing nothing else.
     */
    static Plan quick() {
        return new Plan("quick", List.of(Fault.BROKER_KILLED, Fault.ROUTING_KILLED, Fault.INTAKE_KILLED,
                Fault.ZOMBIE, Fault.POISON, Fault.REPLAY, Fault.HOSTILE_INPUT), 6, Duration.ofSeconds(6),
                Duration.ofSeconds(6), Duration.ofSeconds(120), 100, 25, 48, Duration.ofSeconds(90), false);
    }
}
