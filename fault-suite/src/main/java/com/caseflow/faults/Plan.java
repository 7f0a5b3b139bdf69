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
 * @param hostile        hostile requests in the hostile-input phase
 */
record Plan(String name, List<Fault> faults, double perSecond, Duration warmUp, Duration afterHeal,
            Duration recoveryLimit, int hostile) {

    /** Everything the issue lists, at a rate a 2-core machine holds with every service running. */
    static Plan full() {
        return new Plan("full", List.of(Fault.values()), 12, Duration.ofSeconds(15), Duration.ofSeconds(15),
                Duration.ofSeconds(120), 240);
    }

    /** The run inside {@code ./mvnw verify}: fewer contacts, the faults that lose or double work most easily. */
    static Plan quick() {
        return new Plan("quick", List.of(Fault.BROKER_KILLED, Fault.ROUTING_KILLED, Fault.INTAKE_KILLED,
                Fault.POISON, Fault.REPLAY, Fault.HOSTILE_INPUT), 6, Duration.ofSeconds(6), Duration.ofSeconds(6),
                Duration.ofSeconds(120), 48);
    }
}
