package com.caseflow.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reminders and escalations counted raw: every record on {@code followups}, not one per event id — event ids are
 * derived from the timer, so a timer fired twice has one event id and two firings — against the timers follow-up
 * planned from each case's deadlines and their state at the end, and against the deliveries the notification gateway
 * received. A firing is told by its event id and the moment it was issued ({@code occurredAt}): a second firing is
 * issued later, while the outbox relay sending a record again (the broker wrote it but its answer did not arrive in
 * time, or the relay could not record it as sent) repeats the stored record as it was. Such a copy is counted, not a
 * violation; consumers keep one by its event id.
 */
final class Timers {

    /**
     * One reminder or escalation record as it is on the topic.
     *
     * @param occurredAt  when it was issued, as the envelope says
     * @param deadlineDue the deadline the timer serves (the event's {@code dueAt}), in epoch milliseconds
     * @param level       0 for a reminder, the ladder step for an escalation
     */
    record Fired(String eventId, String occurredAt, String caseId, String deadline, long deadlineDue, int level) {
        String key() {
            return Timers.key(caseId, deadline, deadlineDue, level);
        }

        String firing() {
            return eventId + "@" + occurredAt;
        }
    }

    /**
     * One timer follow-up planned for a case, with its state when read ({@code PENDING}, {@code FIRED}…) and when it
     * got it (null while pending).
     */
    record Planned(String caseId, String stageId, String deadline, long deadlineDue, int level, String state,
                   Instant dueAt, Instant settledAt) {
        String key() {
            return Timers.key(caseId, deadline, deadlineDue, level);
        }
    }

    /**
     * What the count found: violations and the figures for the report.
     *
     * @param reminders   firings of reminders, each once however often its record was sent
     * @param sentAgain   records that repeat a firing already on the topic
     */
    record Findings(List<String> violations, long reminders, long escalations, long duplicates, long sentAgain,
                    long notDelivered) {
    }

    private Timers() {
    }

    /**
     * @param delivered the reminder and escalation notifications the gateway received, by their id (the event id),
     *                  with how often each was delivered
     * @param end       the moment of the count: a timer due before {@code end - grace} must have fired; one that fired
     *                  after it (timers keep firing while the suite counts) is left out, with its records
     */
    static Findings check(List<Fired> fired, List<Planned> planned, Map<String, Integer> delivered, Instant end,
                          Duration grace) {
        List<String> violations = new ArrayList<>();
        Map<String, List<Fired>> records = new LinkedHashMap<>();
        fired.forEach(f -> records.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f));
        Map<String, Planned> timers = new HashMap<>();
        planned.forEach(p -> timers.put(p.key(), p));
        long duplicates = 0;
        long notDelivered = 0;
        for (Planned timer : planned) {
            if (timer.settledAt() != null && timer.settledAt().isAfter(end)
                    || "PENDING".equals(timer.state()) && timer.dueAt().isAfter(end)) {
                // settled after the count began, or due only then: any record of it is newer than the stores' view
                continue;
            }
            List<Fired> on = records.getOrDefault(timer.key(), List.of());
            String name = name(timer.caseId(), timer.deadline(), timer.deadlineDue(), timer.level());
            if ("FIRED".equals(timer.state())) {
                if (on.isEmpty()) {
                    violations.add(name + " fired at follow-up but is not on followups");
                    continue;
                }
                Set<String> firings = new LinkedHashSet<>();
                on.forEach(f -> firings.add(f.firing()));
                if (firings.size() > 1) {
                    duplicates += firings.size() - 1;
                    violations.add(name + " fired " + firings.size() + " times on followups (" + firings + ")");
                }
                Set<String> ids = new LinkedHashSet<>();
                on.forEach(f -> ids.add(f.eventId()));
                long notifications = ids.stream().filter(delivered::containsKey).count();
                if (notifications == 0) {
                    notDelivered++;
                    violations.add(name + " fired but no notification reached the gateway");
                } else if (notifications > 1) {
                    duplicates += notifications - 1;
                    violations.add(name + " notified " + notifications + " times (distinct notifications)");
                }
            } else if (!on.isEmpty()) {
                duplicates += on.size();
                violations.add(name + " is " + timer.state() + " at follow-up but on followups " + on.size()
                        + " time(s)");
            } else if ("PENDING".equals(timer.state()) && timer.dueAt().isBefore(end.minus(grace))) {
                violations.add(name + " was due at " + timer.dueAt() + " and had not fired at " + end);
            }
        }
        records.forEach((key, on) -> {
            if (!timers.containsKey(key)) {
                Fired f = on.get(0);
                violations.add(name(f.caseId(), f.deadline(), f.deadlineDue(), f.level()) + " on followups "
                        + on.size() + " time(s), but follow-up planned no such timer");
            }
        });
        Set<String> recordIds = new LinkedHashSet<>();
        fired.forEach(f -> recordIds.add(f.eventId()));
        delivered.keySet().stream().filter(id -> !recordIds.contains(id)).forEach(id ->
                violations.add("notification " + id + " announces a reminder or escalation that is not on followups"));
        long firings = fired.stream().map(Fired::firing).distinct().count();
        long reminders = fired.stream().filter(f -> f.level() == 0).map(Fired::firing).distinct().count();
        return new Findings(violations, reminders, firings - reminders, duplicates, fired.size() - firings,
                notDelivered);
    }

    private static String key(String caseId, String deadline, long deadlineDue, int level) {
        return caseId + "|" + deadline + "|" + deadlineDue + "|" + level;
    }

    private static String name(String caseId, String deadline, long deadlineDue, int level) {
        return "case " + caseId + ": " + (level == 0 ? "reminder" : "escalation step " + level) + " of the "
                + deadline + " deadline due " + Instant.ofEpochMilli(deadlineDue);
    }
}
