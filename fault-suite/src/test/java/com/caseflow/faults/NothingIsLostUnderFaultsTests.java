package com.caseflow.faults;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short run of the fault suite (the full one: {@code ./run --fault-suite}): every service a process of its own on a
 * real broker, load through intake and callbacks, and the broker killed, routing killed, intake killed right after
 * accepting, a zombie (a second instance of routing, follow-up and evaluation; the first frozen past its session
 * timeout, then thawed), poison on every topic, every group replayed, hostile input — then every accepted contact
 * reconciled, every timer counted raw, every department topic read, evaluation counter by counter.
 */
class NothingIsLostUnderFaultsTests {

    @Test
    void everyAcceptedContactIsAccountedForExactlyOnceThroughCrashesZombiesPoisonReplayAndHostileInput() throws Exception {
        FaultSuite.Outcome outcome = FaultSuite.run(Plan.quick(), Path.of(".."),
                Path.of("target/fault-suite/stack").toAbsolutePath());
        String report = Report.markdown(outcome);
        Files.writeString(Path.of("target/fault-suite/report.md"), report, StandardCharsets.UTF_8);

        assertThat(outcome.violations()).as(report).isEmpty();
        assertThat(outcome.phases()).as("every fault of the plan injected and recovered from")
                .hasSize(Plan.quick().faults().size())
                .allSatisfy(phase -> assertThat(phase.recovery()).as(phase.fault().name()).isNotNull());
        assertThat(outcome.findings().figures())
                .as("the load reached every outcome the reconciliation checks").satisfies(figures -> {
                    assertThat(figures.get("accepted")).isGreaterThan(300);
                    assertThat(figures.get("cases")).isPositive();
                    assertThat(figures.get("cases merged into an incident")).isPositive();
                    assertThat(figures.get("cases resolved")).isPositive();
                    assertThat(figures.get("callbacks")).isPositive();
                    assertThat(figures.get("callback attempts recorded by the load")).isPositive();
                    assertThat(figures.get("records on department topics")).isPositive();
                    assertThat(figures.get("reminder and escalation notifications delivered")).isPositive();
                    assertThat(figures.get("evaluation counters compared")).isPositive();
                    assertThat(figures.get("reminders")).isPositive();
                    assertThat(figures.get(Fault.STRANDED)).isPositive();
                    assertThat(figures.get("poison records injected")).isEqualTo(12);
                    assertThat(figures.get("hostile requests")).isEqualTo(Plan.quick().hostile());
                });
    }
}
