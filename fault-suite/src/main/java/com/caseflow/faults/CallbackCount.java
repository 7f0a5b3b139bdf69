package com.caseflow.faults;

import com.caseflow.events.EventTypes;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One callback (回访) per customer of each resolution: the customers are the distinct callers of the contacts the case
 * held when it was resolved, told apart by the customer token the case events carry (a keyed hash of the number: the
 * suite needs no key to the sealed names and numbers). Violations name contacts, never a customer's token.
 */
final class CallbackCount {

    /** A callback follow-up queued: for which resolution, which contact and which customer (token). */
    record Queued(String caseId, long resolvedSequence, String contactId, String customer) {
    }

    /** What the count found: violations and figures for the report. */
    record Findings(List<String> violations, long resolutions, long expected, long callbacks, long duplicates) {
    }

    private CallbackCount() {
    }

    /**
     * @param caseEvents every case's events, each once, in order, by case id
     * @param customers  the customer token of each contact the load recorded, by contact id
     */
    static Findings check(Map<String, List<JsonNode>> caseEvents, Map<String, String> customers,
                          List<Queued> queued) {
        // resolution (case|sequence) -> customer token -> the first contact of that customer
        Map<String, Map<String, String>> expected = new LinkedHashMap<>();
        caseEvents.forEach((caseId, events) -> {
            List<String> contacts = new ArrayList<>();
            for (JsonNode event : events) {
                String type = event.path("type").asString();
                if (type.equals(EventTypes.CASE_ROUTED) || type.equals(EventTypes.CONTACT_ATTACHED)) {
                    contacts.add(event.path("data").path("contactId").asString());
                } else if (type.equals(EventTypes.CASE_RESOLVED)) {
                    Map<String, String> ofResolution = new LinkedHashMap<>();
                    contacts.stream().filter(customers::containsKey)
                            .forEach(contact -> ofResolution.putIfAbsent(customers.get(contact), contact));
                    expected.put(caseId + "|" + event.path("data").path("sequence").asLong(), ofResolution);
                }
            }
        });
        Map<String, Map<String, List<Queued>>> found = new HashMap<>();
        queued.forEach(q -> found.computeIfAbsent(q.caseId() + "|" + q.resolvedSequence(), r -> new HashMap<>())
                .computeIfAbsent(q.customer(), p -> new ArrayList<>()).add(q));
        List<String> violations = new ArrayList<>();
        long duplicates = 0;
        Set<String> resolutions = new LinkedHashSet<>(expected.keySet());
        resolutions.addAll(found.keySet());
        for (String resolution : resolutions) {
            String name = "resolution " + resolution.replace("|", " #");
            Map<String, String> ofResolution = expected.get(resolution);
            Map<String, List<Queued>> callbacks = found.getOrDefault(resolution, Map.of());
            if (ofResolution == null) {
                violations.add(name + " is not on cases, yet follow-up queued " + callbacks.values().stream()
                        .mapToInt(List::size).sum() + " callback(s) for it");
                continue;
            }
            for (Map.Entry<String, String> customer : ofResolution.entrySet()) {
                List<Queued> mine = callbacks.getOrDefault(customer.getKey(), List.of());
                if (mine.isEmpty()) {
                    violations.add(name + ": no callback for the customer of contact " + customer.getValue());
                } else if (mine.size() > 1) {
                    duplicates += mine.size() - 1;
                    violations.add(name + ": " + mine.size() + " callbacks for the customer of contact "
                            + customer.getValue());
                }
            }
            callbacks.forEach((customer, mine) -> {
                if (!ofResolution.containsKey(customer)) {
                    violations.add(name + ": a callback for contact " + mine.get(0).contactId()
                            + ", whose customer is not among the case's");
                }
            });
        }
        long wanted = expected.values().stream().mapToLong(Map::size).sum();
        return new Findings(violations, expected.size(), wanted, queued.size(), duplicates);
    }
}
