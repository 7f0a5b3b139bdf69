package com.caseflow.faults;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The run as Markdown: one row per fault (what its contacts became, the records dead-lettered while it lasted, the
 * worst total lag over the services' consumer groups, the time from its end until lag was 0 again), then the
 * reconciliation's figures and every violation.
 */
final class Report {

    private static final int SHOWN = 40;

    static String markdown(FaultSuite.Outcome outcome) {
        StringBuilder out = new StringBuilder();
        out.append("### Fault suite (").append(outcome.plan().name()).append(") — ")
                .append(ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern(
                        "yyyy-MM-dd HH:mm"))).append(" Asia/Shanghai, ").append(outcome.took().toMinutes())
                .append(" min, ").append(outcome.plan().perSecond()).append(" contacts/s — ")
                .append(outcome.passed() ? "PASSED" : "FAILED").append("\n\n");
        out.append("| Fault | Contacts sent | Accepted | Cases opened | Lost | Duplicated | Dead-lettered "
                + "| Worst lag | Lag 0 after | Limit |\n");
        out.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (FaultSuite.Phase phase : outcome.phases()) {
            Reconciliation.PhaseFindings found = outcome.findings().phases().getOrDefault(phase.fault().name(),
                    new Reconciliation.PhaseFindings(0, 0, 0));
            out.append("| ").append(phase.fault().description(outcome.plan())).append(" | ").append(phase.sent()).append(" | ")
                    .append(phase.accepted()).append(" | ").append(found.cases()).append(" | ")
                    .append(found.lost()).append(" | ").append(found.duplicated()).append(" | ")
                    .append(phase.deadLettered()).append(" | ").append(phase.worstLag()).append(" | ")
                    .append(seconds(phase.recovery())).append(" | ").append(phase.limit().toSeconds())
                    .append(outcome.plan().limitsBinding() ? " s |\n" : " s (stated) |\n");
        }
        out.append("\n| Reconciliation | |\n|---|--:|\n");
        for (Map.Entry<String, Long> figure : outcome.findings().figures().entrySet()) {
            out.append("| ").append(figure.getKey()).append(" | ").append(figure.getValue()).append(" |\n");
        }
        out.append("| **violations** | **").append(outcome.violations().size()).append("** |\n");
        outcome.violations().stream().limit(SHOWN).forEach(v -> out.append("\n- ").append(v));
        if (outcome.violations().size() > SHOWN) {
            out.append("\n- … and ").append(outcome.violations().size() - SHOWN).append(" more");
        }
        return out.append("\n").toString();
    }

    private static String seconds(Duration duration) {
        return duration == null ? "not back" : String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private Report() {
    }
}
