package com.caseflow.faults;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.caseflow.events.Topics.deadLetter;

/**
 * Checked once the poison phase has settled: each poison record in its dead-letter topic, put there by every consumer
 * group that has to read it (the binder names the group in the failure it records), each copy with its error.
 */
final class DeadLetters {

    private static final Pattern GROUP = Pattern.compile("kafka_groupId=([\\w.-]+)");

    static void check(FaultSuite.Run run) {
        List<BrokerView.Seen> all = Poison.READERS.keySet().stream()
                .flatMap(topic -> run.broker().of(deadLetter(topic)).stream()).toList();
        for (Poison.Sent sent : List.copyOf(run.poison())) {
            List<BrokerView.Seen> copies = all.stream()
                    .filter(r -> r.topic().equals(deadLetter(sent.topic())) && sent.key().equals(r.key())).toList();
            Set<String> groups = new HashSet<>();
            for (BrokerView.Seen copy : copies) {
                Matcher group = GROUP.matcher(copy.headers().getOrDefault("x-exception-stacktrace", ""));
                if (group.find()) {
                    groups.add(group.group(1));
                }
                if (copy.headers().getOrDefault("x-exception-message", "").isBlank()) {
                    run.violations().add(sent.kind() + " poison on " + sent.topic() + " dead-lettered without its "
                            + "error");
                }
            }
            if (!groups.containsAll(sent.groups())) {
                run.violations().add(sent.kind() + " poison on " + sent.topic() + " dead-lettered by " + groups
                        + " (" + copies.size() + " copies), expected by " + sent.groups());
            }
        }
        run.figures().put("poison records injected", (long) run.poison().size());
        run.figures().put("poison copies in dead-letter topics", (long) all.size());
    }

    private DeadLetters() {
    }
}
