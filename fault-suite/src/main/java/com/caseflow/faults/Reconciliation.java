package com.caseflow.faults;

import com.caseflow.events.EventTypes;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.caseflow.events.Topics.CASES;
import static com.caseflow.events.Topics.CONTACTS;
import static com.caseflow.events.Topics.FOLLOWUPS;
import static com.caseflow.events.Topics.deadLetter;

/**
 * The end of a run: every accepted contact of the ledger followed through the topics and the services' stores, every
 * effect counted. A finding is a violation; the figures go into the report.
 */
final class Reconciliation {

    /** The run's totals and everything that was wrong. */
    record Findings(Map<String, Long> figures, List<String> violations) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SHOWN = 8;
    private static final String MERGED = "merged";

    private final Map<String, Long> figures = new LinkedHashMap<>();
    private final List<String> violations = new ArrayList<>();

    Findings reconcile(Ledger ledger, Topics topics, Cluster cluster, String managerToken, LocalDate firstDay,
                       List<Poison.Sent> poison, List<Hostile.Result> hostile) throws Exception {
        Map<String, Ledger.Request> accepted = ledger.acceptedByContact();
        figures.put("contacts sent", (long) ledger.all().size());
        figures.put("accepted", (long) accepted.size());
        figures.put("rejected", (long) ledger.with(Ledger.Outcome.REJECTED).size());
        figures.put("outcome unknown", (long) ledger.with(Ledger.Outcome.UNKNOWN).size());
        ledger.with(Ledger.Outcome.REJECTED).stream().limit(SHOWN).forEach(r ->
                violations.add("valid contact " + r.number + " (" + r.phase + ") was refused: " + r.lastStatus));

        Map<String, Set<String>> received = new HashMap<>();
        for (Topics.Seen record : topics.of(CONTACTS)) {
            JsonNode event = event(record);
            if (event == null) {
                continue;
            }
            received.computeIfAbsent(event.path("data").path("contactId").asString(), id -> new HashSet<>())
                    .add(event.path("eventId").asString());
        }
        Map<String, List<JsonNode>> caseEvents = caseEvents(topics);
        Map<String, List<String>> homes = homes(caseEvents);

        long lost = 0;
        long duplicated = 0;
        for (Ledger.Request request : accepted.values()) {
            String contact = request.contactId;
            int publications = received.getOrDefault(contact, Set.of()).size();
            List<String> cases = homes.getOrDefault(contact, List.of());
            int expected = request.settled ? 0 : 1;
            if (publications == 0 || cases.size() < expected) {
                lost++;
                report("lost: contact " + contact + " (request " + request.number + ", " + request.phase
                        + ") accepted, " + (publications == 0 ? "never published" : "published but never routed"));
            } else if (publications > 1 || cases.size() > expected) {
                duplicated++;
                report("duplicated: contact " + contact + " (" + request.phase + ") published " + publications
                        + "×, on cases " + cases);
            }
        }
        Set<String> known = new HashSet<>(accepted.keySet());
        ledger.with(Ledger.Outcome.UNKNOWN).forEach(r -> known.add(r.contactId));
        long strangers = received.keySet().stream().filter(id -> !known.contains(id)).count();
        if (strangers > 0) {
            report(strangers + " contact(s) published that the ledger never saw accepted (hostile input stored?)");
        }
        figures.put("lost", lost);
        figures.put("duplicated", duplicated);
        figures.put("cases", (long) caseEvents.size());

        checkOrder(caseEvents);
        checkFollowUps(topics, cluster, caseEvents);
        checkEvaluation(cluster, managerToken, firstDay, accepted);
        checkIntakeStore(cluster, accepted.size());
        checkDeadLetters(topics, poison);
        hostile.forEach(result -> result.violations().stream().limit(SHOWN).forEach(violations::add));
        figures.put("hostile requests", (long) hostile.stream().mapToInt(Hostile.Result::sent).sum());
        figures.put("hostile answered 5xx or 2xx", hostile.stream().mapToLong(r -> r.byStatus().entrySet().stream()
                .filter(e -> e.getKey() < 400 || e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum()).sum());
        return new Findings(figures, violations);
    }

    /** Every case event once (a redelivered publication has the same event id), by case in partition order. */
    private static Map<String, List<JsonNode>> caseEvents(Topics topics) {
        Map<String, List<JsonNode>> byCase = new LinkedHashMap<>();
        Set<String> eventIds = new HashSet<>();
        for (Topics.Seen record : topics.of(CASES)) {
            JsonNode event = event(record);
            if (event != null && eventIds.add(event.path("eventId").asString())) {
                byCase.computeIfAbsent(record.key(), id -> new ArrayList<>()).add(event);
            }
        }
        return byCase;
    }

    /**
     * Where routing put each contact: the case it opened for it or attached it to, leaving out cases merged into an
     * incident — their contacts are attached to the incident's case — so that each contact has one home.
     */
    private Map<String, List<String>> homes(Map<String, List<JsonNode>> caseEvents) {
        Set<String> merged = new HashSet<>();
        caseEvents.forEach((caseId, events) -> events.stream()
                .filter(e -> e.path("type").asString().equals(EventTypes.CASE_MERGED))
                .forEach(e -> merged.add(caseId)));
        figures.put("cases merged into an incident", (long) merged.size());
        Map<String, List<String>> homes = new HashMap<>();
        caseEvents.forEach((caseId, events) -> events.stream()
                .filter(e -> e.path("type").asString().equals(EventTypes.CASE_ROUTED)
                        || e.path("type").asString().equals(EventTypes.CONTACT_ATTACHED))
                .forEach(e -> homes.computeIfAbsent(e.path("data").path("contactId").asString(),
                        id -> new ArrayList<>()).add(merged.contains(caseId) ? MERGED : caseId)));
        homes.values().forEach(cases -> cases.removeIf(MERGED::equals));
        return homes;
    }

    /** A case's events in the order it had them: routed first, sequence numbers rising, none twice. */
    private void checkOrder(Map<String, List<JsonNode>> caseEvents) {
        long outOfOrder = 0;
        for (Map.Entry<String, List<JsonNode>> c : caseEvents.entrySet()) {
            List<JsonNode> events = c.getValue();
            boolean wrong = !events.get(0).path("type").asString().equals(EventTypes.CASE_ROUTED);
            for (int i = 1; i < events.size(); i++) {
                wrong |= events.get(i).path("data").path("sequence").asLong()
                        <= events.get(i - 1).path("data").path("sequence").asLong();
            }
            if (wrong) {
                outOfOrder++;
                report("case " + c.getKey() + " events out of order: " + events.stream()
                        .map(e -> e.path("type").asString().replace("caseflow.case.", "") + "#"
                                + e.path("data").path("sequence").asLong()).toList());
            }
        }
        figures.put("cases with events out of order", outOfOrder);
    }

    /** One set of deadlines per case, no reminder or escalation twice, one callback per customer of a resolution. */
    private void checkFollowUps(Topics topics, Cluster cluster, Map<String, List<JsonNode>> caseEvents) {
        Map<String, String> timers = new HashMap<>();
        long duplicates = 0;
        long reminders = 0;
        Set<String> eventIds = new HashSet<>();
        for (Topics.Seen record : topics.of(FOLLOWUPS)) {
            JsonNode event = event(record);
            if (event == null) {
                continue;
            }
            String type = event.path("type").asString();
            if (!eventIds.add(event.path("eventId").asString())
                    || !(type.equals(EventTypes.FOLLOW_UP_REMINDER_ISSUED) || type.equals(EventTypes.CASE_ESCALATED))) {
                continue;
            }
            reminders++;
            JsonNode data = event.path("data");
            String timer = String.join("|", type, data.path("caseId").asString(), data.path("deadline").asString(),
                    data.path("dueAt").asString(), data.path("level").asString());
            if (timers.putIfAbsent(timer, event.path("eventId").asString()) != null) {
                duplicates++;
                report("duplicate " + type + " for " + timer);
            }
        }
        figures.put("reminders and escalations", reminders);

        try (MongoClient mongo = MongoClients.create(cluster.mongoUri())) {
            MongoDatabase followup = mongo.getDatabase(Cluster.database("followup-service"));
            Set<String> followed = new HashSet<>();
            for (Document doc : followup.getCollection("follow_ups").find()) {
                followed.add(doc.getString("_id"));
                Document state = doc.get("state", Document.class);
                List<Document> deadlines = state == null ? List.of() : state.getList("deadlines", Document.class,
                        List.of());
                Set<String> kinds = new HashSet<>();
                for (Document deadline : deadlines) {
                    if (!kinds.add(deadline.getString("kind") + "|" + deadline.get("startedAt"))) {
                        duplicates++;
                        report("case " + doc.getString("_id") + " has its " + deadline.getString("kind")
                                + " deadline twice");
                    }
                }
            }
            long without = caseEvents.keySet().stream().filter(id -> !followed.contains(id)).count();
            if (without > 0) {
                report(without + " routed case(s) without deadlines at follow-up, e.g. " + caseEvents.keySet()
                        .stream().filter(id -> !followed.contains(id)).limit(3).toList());
            }
            Map<String, Integer> callbacks = new HashMap<>();
            Set<String> resolutionsCalledBack = new HashSet<>();
            for (Document doc : followup.getCollection("callbacks").find()) {
                Document state = doc.get("state", Document.class);
                Document customer = state.get("customer", Document.class);
                String resolution = state.getString("caseId") + "|" + state.get("resolvedSequence");
                resolutionsCalledBack.add(resolution);
                String callback = resolution + "|" + (customer == null ? "" : customer.getString("phone"));
                if (callbacks.merge(callback, 1, Integer::sum) == 2) {
                    duplicates++;
                    report("two callbacks for one customer of resolution " + resolution);
                }
            }
            figures.put("callbacks", (long) callbacks.values().stream().mapToInt(Integer::intValue).sum());
            long resolutions = 0;
            for (List<JsonNode> events : caseEvents.values()) {
                for (JsonNode event : events) {
                    if (event.path("type").asString().equals(EventTypes.CASE_RESOLVED)) {
                        resolutions++;
                        String resolution = event.path("data").path("caseId").asString() + "|"
                                + event.path("data").path("sequence").asLong();
                        if (!resolutionsCalledBack.contains(resolution)) {
                            report("resolution " + resolution + " got no callback");
                        }
                    }
                }
            }
            figures.put("cases resolved", resolutions);
        }
        figures.put("duplicate reminders, escalations, deadlines, callbacks", duplicates);
    }

    /** Each accepted contact counted once for its agent in evaluation's report of the days of the run. */
    private void checkEvaluation(Cluster cluster, String managerToken, LocalDate firstDay,
                                 Map<String, Ledger.Request> accepted) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        cluster.serviceUrl("evaluation-service") + "/api/v1/reports/agents?from=" + firstDay + "&to="
                                + today)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + managerToken).build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            report("evaluation's agent report answered " + reply.statusCode());
            return;
        }
        Map<String, Long> counted = new HashMap<>();
        for (JsonNode row : JSON.readTree(reply.body()).path("rows")) {
            counted.put(row.path("agentId").asString(), row.path("kpis").path("contacts").asLong());
        }
        Map<String, Long> expected = new HashMap<>();
        accepted.values().forEach(r -> expected.merge(r.agent, 1L, Long::sum));
        long off = 0;
        for (Map.Entry<String, Long> agent : expected.entrySet()) {
            long got = counted.getOrDefault(agent.getKey(), 0L);
            if (got != agent.getValue()) {
                off += Math.abs(got - agent.getValue());
                report("evaluation counted " + got + " contacts for " + agent.getKey() + ", the ledger accepted "
                        + agent.getValue());
            }
        }
        figures.put("contacts counted in evaluation", counted.values().stream().mapToLong(Long::longValue).sum());
        figures.put("evaluation miscounted", off);
    }

    private void checkIntakeStore(Cluster cluster, int accepted) {
        try (MongoClient mongo = MongoClients.create(cluster.mongoUri())) {
            long stored = mongo.getDatabase(Cluster.database("intake-service")).getCollection("contacts")
                    .countDocuments();
            figures.put("contacts stored at intake", stored);
            if (stored != accepted) {
                report("intake stored " + stored + " contacts, the ledger accepted " + accepted);
            }
        }
    }

    /** Every poison record dead-lettered with its error by the groups that read it; nothing valid dead-lettered. */
    private void checkDeadLetters(Topics topics, List<Poison.Sent> poison) {
        long deadLettered = 0;
        Map<String, List<Topics.Seen>> byKey = new HashMap<>();
        for (String topic : Poison.READERS.keySet()) {
            for (Topics.Seen record : topics.of(deadLetter(topic))) {
                deadLettered++;
                byKey.computeIfAbsent(topic + "|" + record.key(), k -> new ArrayList<>()).add(record);
                if (record.key() == null || !record.key().startsWith(Poison.PREFIX)) {
                    report("a valid record was dead-lettered from " + topic + ": "
                            + record.headers().getOrDefault("x-exception-message", "(no error)"));
                }
            }
        }
        for (Poison.Sent sent : poison) {
            List<Topics.Seen> copies = byKey.getOrDefault(sent.topic() + "|" + sent.key(), List.of());
            int needed = sent.everyGroup() ? Poison.READERS.get(sent.topic()).size() : 1;
            if (copies.size() < needed) {
                report(sent.kind() + " poison on " + sent.topic() + " dead-lettered " + copies.size() + "×, expected "
                        + needed + " (one per group reading it)");
            }
            copies.stream().filter(c -> c.headers().getOrDefault("x-exception-message", "").isBlank()).findAny()
                    .ifPresent(c -> report(sent.kind() + " poison on " + sent.topic() + " dead-lettered without its "
                            + "error"));
        }
        figures.put("poison records injected", (long) poison.size());
        figures.put("dead-lettered", deadLettered);
    }

    /** A record the services published; null for the suite's own poison, which is checked on its own. */
    private static JsonNode event(Topics.Seen record) {
        return record.key() != null && record.key().startsWith(Poison.PREFIX) ? null : JSON.readTree(record.value());
    }

    private void report(String violation) {
        violations.add(violation);
    }
}
