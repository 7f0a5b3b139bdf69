package com.caseflow.faults;

import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The departments' own topics ({@code cases.dept.*}): each event of a case on the topic of the department that owns
 * the case after it — a transfer on both departments' topics, so the old one learns the case left (routing's
 * {@code CaseEvents}) — each, in the case's order, and nothing else. Delivery is at least once, as on every topic: the
 * outbox relay sends again what it had sent but not yet recorded as sent when its process died or froze past its lease,
 * with the same event id, by which a department's system (like every consumer here) keeps one. So a copy sent again
 * is counted, not a violation; the order is that of each event's first copy.
 */
final class DepartmentCopies {

    /** What the check found: violations and the records compared. */
    record Findings(List<String> violations, long records, long casesWrong, long sentAgain) {
    }

    private DepartmentCopies() {
    }

    /**
     * @param caseEvents every case's events from {@code cases}, each once, in order, by case id
     * @param topics     every department topic's records as read, each partition's in order (raw: a record published
     *                   twice is there twice)
     */
    static Findings check(Map<String, List<JsonNode>> caseEvents, Map<String, List<BrokerView.Seen>> topics) {
        Map<String, Map<String, List<String>>> expected = new TreeMap<>();
        caseEvents.forEach((caseId, events) -> {
            String department = null;
            for (JsonNode event : events) {
                JsonNode data = event.path("data");
                List<String> to = new ArrayList<>();
                switch (event.path("type").asString()) {
                    case EventTypes.CASE_ROUTED -> department = data.path("departmentCode").asString();
                    case EventTypes.CASE_TRANSFERRED -> {
                        to.add(data.path("fromDepartment").asString());
                        department = data.path("toDepartment").asString();
                    }
                    default -> { }
                }
                if (department != null && !to.contains(department)) {
                    to.add(department);
                }
                for (String code : to) {
                    expected.computeIfAbsent(Topics.departmentCases(code), t -> new TreeMap<>())
                            .computeIfAbsent(caseId, c -> new ArrayList<>()).add(event.path("eventId").asString());
                }
            }
        });
        Map<String, Map<String, List<String>>> found = new TreeMap<>();
        long records = 0;
        for (Map.Entry<String, List<BrokerView.Seen>> topic : topics.entrySet()) {
            for (BrokerView.Seen record : topic.getValue()) {
                if (record.key() != null && record.key().startsWith(Poison.PREFIX)) {
                    continue;
                }
                records++;
                String eventId = eventId(record.value());
                found.computeIfAbsent(topic.getKey(), t -> new TreeMap<>())
                        .computeIfAbsent(String.valueOf(record.key()), c -> new ArrayList<>()).add(eventId);
            }
        }
        List<String> violations = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(expected.keySet());
        names.addAll(found.keySet());
        long casesWrong = 0;
        long sentAgain = 0;
        for (String topic : names) {
            Map<String, List<String>> want = expected.getOrDefault(topic, Map.of());
            Map<String, List<String>> got = found.getOrDefault(topic, Map.of());
            TreeSet<String> cases = new TreeSet<>(want.keySet());
            cases.addAll(got.keySet());
            for (String caseId : cases) {
                List<String> w = want.getOrDefault(caseId, List.of());
                List<String> copies = got.getOrDefault(caseId, List.of());
                List<String> g = new ArrayList<>(new LinkedHashSet<>(copies));
                sentAgain += copies.size() - g.size();
                if (!w.equals(g)) {
                    casesWrong++;
                    violations.add("case " + caseId + " on " + topic + ": " + difference(w, g));
                }
            }
        }
        return new Findings(violations, records, casesWrong, sentAgain);
    }

    private static String difference(List<String> want, List<String> got) {
        long missing = want.stream().filter(id -> !got.contains(id)).count();
        long foreign = got.stream().filter(id -> !want.contains(id)).count();
        List<String> parts = new ArrayList<>();
        if (missing > 0) {
            parts.add(missing + " of its " + want.size() + " event(s) missing");
        }
        if (foreign > 0) {
            parts.add(foreign + " record(s) that do not belong there");
        }
        if (parts.isEmpty()) {
            parts.add("events out of order");
        }
        return String.join(", ", parts);
    }

    private static String eventId(String value) {
        try {
            return Reconciliation.JSON.readTree(value).path("eventId").asString();
        } catch (RuntimeException e) {
            return "(unreadable)";
        }
    }
}
