package com.caseflow.faults;

import com.caseflow.events.EventTypes;
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
import java.util.TreeMap;

import static com.caseflow.events.Topics.CASES;
import static com.caseflow.events.Topics.CONTACTS;
import static com.caseflow.events.Topics.EVALUATIONS;
import static com.caseflow.events.Topics.FOLLOWUPS;
import static com.caseflow.events.Topics.deadLetter;

/**
 * The end of a run: every accepted contact of the ledger followed through the topics and the services' stores and
 * APIs, every effect counted. A finding is a violation; the figures go into the report.
 */
final class Reconciliation {

    /** Per fault: cases the fault's contacts opened, contacts lost and contacts doubled. */
    record PhaseFindings(long cases, long lost, long duplicated) {
    }

    /** The run's totals, the findings per fault and everything that was wrong. */
    record Findings(Map<String, Long> figures, Map<String, PhaseFindings> phases, List<String> violations) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MERGED = "merged";

    private final Map<String, Long> figures = new LinkedHashMap<>();
    private final List<String> violations = new ArrayList<>();

    Findings reconcile(FaultSuite.Run run, Stores stores, LocalDate firstDay) throws Exception {
        Ledger ledger = run.ledger();
        BrokerView broker = run.broker();
        Map<String, Ledger.Request> accepted = accepted(ledger);
        figures.put("contacts sent", (long) ledger.all().size());
        figures.put("accepted", (long) accepted.size());
        figures.put("refused", (long) ledger.with(Ledger.Outcome.REJECTED).size());
        figures.put("outcome unknown", (long) ledger.with(Ledger.Outcome.UNKNOWN).size());
        ledger.with(Ledger.Outcome.REJECTED).forEach(r ->
                report("valid contact " + r.number + " (" + r.phase + ") was refused: " + r.lastStatus));
        ledger.all().stream().filter(r -> r.outcome == Ledger.Outcome.UNKNOWN || r.outcome == Ledger.Outcome.PENDING)
                .forEach(r -> report("contact " + r.number + " (" + r.phase + ") never got a definite answer"));

        Map<String, Set<String>> received = new HashMap<>();
        for (BrokerView.Seen record : broker.of(CONTACTS)) {
            JsonNode event = event(record);
            if (event != null) {
                received.computeIfAbsent(event.path("data").path("contactId").asString(), id -> new HashSet<>())
                        .add(event.path("eventId").asString());
            }
        }
        Map<String, List<JsonNode>> caseEvents = events(broker, CASES, "key");
        Map<String, List<String>> homes = homes(caseEvents);
        Set<String> opened = new HashSet<>();
        caseEvents.values().forEach(events -> events.stream().filter(e -> type(e).equals(EventTypes.CASE_ROUTED))
                .forEach(e -> opened.add(e.path("data").path("contactId").asString())));
        Map<String, Document> outcomes = new HashMap<>();
        stores.client().getDatabase(Cluster.database("routing-service")).getCollection("contact_outcomes").find()
                .forEach(d -> outcomes.put(d.getString("_id"), d));

        Map<String, long[]> perPhase = new TreeMap<>();
        for (Ledger.Request request : accepted.values()) {
            long[] phase = perPhase.computeIfAbsent(request.phase, p -> new long[3]);
            String contact = request.contactId;
            int publications = received.getOrDefault(contact, Set.of()).size();
            List<String> cases = homes.getOrDefault(contact, List.of());
            if (opened.contains(contact)) {
                phase[0]++;
            }
            Document outcome = outcomes.get(contact);
            String settled = outcome == null ? null : outcome.getString("kind");
            if (publications == 0 || (request.settled ? !"SETTLED".equals(settled) : cases.isEmpty())) {
                phase[1]++;
                report("lost: contact " + contact + " (request " + request.number + ", " + request.phase
                        + ") accepted, " + (publications == 0 ? "never published"
                        : request.settled ? "not recorded as settled at routing" : "in no case"));
            } else if (publications > 1 || cases.size() > (request.settled ? 0 : 1)) {
                phase[2]++;
                report("duplicated: contact " + contact + " (" + request.phase + ") published " + publications
                        + "×, in cases " + cases);
            }
        }
        Map<String, PhaseFindings> phases = new LinkedHashMap<>();
        perPhase.forEach((phase, counts) -> phases.put(phase, new PhaseFindings(counts[0], counts[1], counts[2])));
        figures.put("lost", perPhase.values().stream().mapToLong(c -> c[1]).sum());
        figures.put("duplicated", perPhase.values().stream().mapToLong(c -> c[2]).sum());
        long strangers = received.keySet().stream().filter(id -> !accepted.containsKey(id)).count();
        if (strangers > 0) {
            report(strangers + " contact(s) published that the ledger never saw accepted (hostile input stored?)");
        }
        figures.put("cases", (long) caseEvents.size());

        checkOrder(caseEvents);
        checkFollowUps(broker, stores, caseEvents);
        checkEvaluation(run, firstDay, accepted, caseEvents);
        checkIntakeStore(stores, accepted.keySet());
        checkNothingValidDeadLettered(broker);
        figures.putAll(new TreeMap<>(run.figures()));
        figures.put("hostile requests", (long) run.hostile().stream().mapToInt(Hostile.Result::sent).sum());
        figures.put("hostile answered 5xx or 2xx", run.hostile().stream().mapToLong(r -> r.byStatus().entrySet()
                .stream().filter(e -> e.getKey() < 400 || e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum())
                .sum());
        run.hostile().forEach(result -> violations.addAll(result.violations()));
        return new Findings(figures, phases, violations);
    }

    /** The accepted requests by contact id; two requests answered with one contact are a finding. */
    private Map<String, Ledger.Request> accepted(Ledger ledger) {
        Map<String, Ledger.Request> accepted = new HashMap<>();
        for (Ledger.Request request : ledger.with(Ledger.Outcome.ACCEPTED)) {
            Ledger.Request other = accepted.putIfAbsent(request.contactId, request);
            if (other != null) {
                report("requests " + other.number + " and " + request.number + " were both answered with contact "
                        + request.contactId);
            }
        }
        return accepted;
    }

    /** Every event of a topic once (a redelivered publication has the same event id), grouped in partition order. */
    private static Map<String, List<JsonNode>> events(BrokerView broker, String topic, String groupBy) {
        Map<String, List<JsonNode>> grouped = new LinkedHashMap<>();
        Set<String> eventIds = new HashSet<>();
        for (BrokerView.Seen record : broker.of(topic)) {
            JsonNode event = event(record);
            if (event != null && eventIds.add(event.path("eventId").asString())) {
                grouped.computeIfAbsent(groupBy.equals("key") ? record.key() : event.path("type").asString(),
                        k -> new ArrayList<>()).add(event);
            }
        }
        return grouped;
    }

    /**
     * Where routing put each contact: the case it opened for it or attached it to, leaving out cases merged into an
     * incident — their contacts are attached to the incident's case — so that each contact has one home.
     */
    Map<String, List<String>> homes(Map<String, List<JsonNode>> caseEvents) {
        Set<String> merged = new HashSet<>();
        caseEvents.forEach((caseId, events) -> {
            if (events.stream().anyMatch(e -> type(e).equals(EventTypes.CASE_MERGED))) {
                merged.add(caseId);
            }
        });
        figures.put("cases merged into an incident", (long) merged.size());
        Map<String, List<String>> homes = new HashMap<>();
        caseEvents.forEach((caseId, events) -> events.stream()
                .filter(e -> type(e).equals(EventTypes.CASE_ROUTED) || type(e).equals(EventTypes.CONTACT_ATTACHED))
                .forEach(e -> homes.computeIfAbsent(e.path("data").path("contactId").asString(),
                        id -> new ArrayList<>()).add(merged.contains(caseId) ? MERGED : caseId)));
        homes.values().forEach(cases -> cases.removeIf(MERGED::equals));
        return homes;
    }

    /** A case's events in the order it had them: routed first, then each sequence number one more than the last. */
    private void checkOrder(Map<String, List<JsonNode>> caseEvents) {
        long outOfOrder = 0;
        for (Map.Entry<String, List<JsonNode>> c : caseEvents.entrySet()) {
            List<JsonNode> events = c.getValue();
            boolean wrong = !type(events.get(0)).equals(EventTypes.CASE_ROUTED);
            for (int i = 0; i < events.size(); i++) {
                wrong |= sequence(events.get(i)) != i + 1;
            }
            if (wrong) {
                outOfOrder++;
                report("case " + c.getKey() + " events out of order: " + events.stream()
                        .map(e -> type(e).replace("caseflow.case.", "") + "#" + sequence(e)).toList());
            }
        }
        figures.put("cases with events out of order or missing", outOfOrder);
    }

    /**
     * One set of deadlines per case and clock — follow-up has seen every event of the case, and started one set per
     * routing, transfer and reopening — no reminder or escalation twice, one callback per customer of a resolution.
     */
    private void checkFollowUps(BrokerView broker, Stores stores, Map<String, List<JsonNode>> caseEvents) {
        long duplicates = 0;
        Map<String, List<JsonNode>> byType = events(broker, FOLLOWUPS, "type");
        for (String type : List.of(EventTypes.FOLLOW_UP_REMINDER_ISSUED, EventTypes.CASE_ESCALATED)) {
            Set<String> timers = new HashSet<>();
            List<JsonNode> fired = byType.getOrDefault(type, List.of());
            for (JsonNode event : fired) {
                JsonNode data = event.path("data");
                String timer = String.join("|", data.path("caseId").asString(), data.path("deadline").asString(),
                        data.path("dueAt").asString(), data.path("level").asString());
                if (!timers.add(timer)) {
                    duplicates++;
                    report("duplicate " + type + " for " + timer);
                }
            }
            figures.put(type.equals(EventTypes.CASE_ESCALATED) ? "escalations" : "reminders", (long) fired.size());
        }

        MongoDatabase followup = stores.client().getDatabase(Cluster.database("followup-service"));
        Map<String, Document> followed = new HashMap<>();
        followup.getCollection("follow_ups").find().forEach(d -> followed.put(d.getString("_id"), d));
        long wrongDeadlines = 0;
        for (Map.Entry<String, List<JsonNode>> c : caseEvents.entrySet()) {
            Document doc = followed.get(c.getKey());
            Document state = doc == null ? null : doc.get("state", Document.class);
            long clocks = deadlineSets(c.getValue());
            long last = sequence(c.getValue().get(c.getValue().size() - 1));
            if (state == null) {
                wrongDeadlines++;
                report("case " + c.getKey() + " has no deadlines at follow-up");
            } else if (state.getInteger("generation", 0) != clocks || state.get("sequence", Number.class)
                    .longValue() != last || state.getList("deadlines", Document.class, List.of()).isEmpty()) {
                wrongDeadlines++;
                report("case " + c.getKey() + " at follow-up: deadline set " + state.get("generation") + " of "
                        + clocks + ", event " + state.get("sequence") + " of " + last);
            }
        }
        figures.put("cases whose deadlines are wrong at follow-up", wrongDeadlines);

        Map<String, Integer> callbacks = new HashMap<>();
        for (Document doc : followup.getCollection("callbacks").find()) {
            Document state = doc.get("state", Document.class);
            Document customer = state.get("customer", Document.class);
            String callback = state.getString("caseId") + "|" + state.get("resolvedSequence") + "|"
                    + (customer == null ? "" : customer.getString("phone"));
            if (callbacks.merge(callback, 1, Integer::sum) == 2) {
                duplicates++;
                report("two callbacks for one customer of one resolution: " + callback.replaceAll("\\|[^|]*$", ""));
            }
        }
        Set<String> calledBack = new HashSet<>();
        callbacks.keySet().forEach(k -> calledBack.add(k.substring(0, k.lastIndexOf('|'))));
        long resolutions = 0;
        for (List<JsonNode> events : caseEvents.values()) {
            for (JsonNode event : events) {
                if (type(event).equals(EventTypes.CASE_RESOLVED)) {
                    resolutions++;
                    String resolution = event.path("data").path("caseId").asString() + "|" + sequence(event);
                    if (!calledBack.contains(resolution)) {
                        report("resolution " + resolution + " got no callback");
                    }
                }
            }
        }
        figures.put("cases resolved", resolutions);
        figures.put("callbacks", (long) callbacks.values().stream().mapToInt(Integer::intValue).sum());
        figures.put("duplicate reminders, escalations or callbacks", duplicates);
    }

    /**
     * The sets of deadlines a case had: one per routing, transfer and reopening, and one more each time a repeat
     * contact shortened the running deadlines (a raised priority).
     */
    static long deadlineSets(List<JsonNode> events) {
        long sets = 0;
        String current = null;
        boolean running = false;
        for (JsonNode event : events) {
            JsonNode deadlines = event.path("data").path("deadlines");
            String due = deadlines.path("firstResponseDue").asString() + "|" + deadlines.path("resolutionDue")
                    .asString();
            switch (type(event)) {
                case EventTypes.CASE_ROUTED, EventTypes.CASE_TRANSFERRED, EventTypes.CASE_REOPENED -> {
                    sets++;
                    current = due;
                    running = true;
                }
                case EventTypes.CONTACT_ATTACHED -> {
                    if (running && deadlines.isObject() && !due.equals(current)) {
                        sets++;
                        current = due;
                    }
                }
                case EventTypes.CASE_RESOLVED, EventTypes.CASE_MERGED -> running = false;
                default -> { }
            }
        }
        return sets;
    }

    /**
     * Evaluation counted each contact once for its agent — calls and visits apart — and each case once for its
     * department, as routed and as resolved.
     */
    private void checkEvaluation(FaultSuite.Run run, LocalDate firstDay, Map<String, Ledger.Request> accepted,
                                 Map<String, List<JsonNode>> caseEvents) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Long> expected = new TreeMap<>();
        accepted.values().forEach(r -> expected.merge(r.agent + (r.visit ? " visits" : " phoneCalls"), 1L, Long::sum));
        caseEvents.values().forEach(events -> events.forEach(e -> {
            if (type(e).equals(EventTypes.CASE_ROUTED)) {
                expected.merge(e.path("data").path("departmentCode").asString() + " casesRouted", 1L, Long::sum);
            } else if (type(e).equals(EventTypes.CASE_RESOLVED)) {
                expected.merge(e.path("data").path("departmentCode").asString() + " resolved", 1L, Long::sum);
            }
        }));
        Map<String, Long> counted = new TreeMap<>();
        String period = "?from=" + firstDay + "&to=" + today;
        for (JsonNode row : report(run, "/api/v1/reports/agents" + period).path("rows")) {
            for (String kpi : List.of("phoneCalls", "visits")) {
                counted.put(row.path("agentId").asString() + " " + kpi, row.path("kpis").path(kpi).asLong());
            }
        }
        for (JsonNode row : report(run, "/api/v1/reports/departments" + period).path("rows")) {
            for (String kpi : List.of("casesRouted", "resolved")) {
                counted.put(row.path("departmentCode").asString() + " " + kpi, row.path("kpis").path(kpi).asLong());
            }
        }
        long off = 0;
        for (Map.Entry<String, Long> figure : expected.entrySet()) {
            long got = counted.getOrDefault(figure.getKey(), 0L);
            if (got != figure.getValue()) {
                off += Math.abs(got - figure.getValue());
                report("evaluation counted " + got + " for " + figure.getKey() + ", expected " + figure.getValue());
            }
        }
        figures.put("contacts counted in evaluation", counted.entrySet().stream()
                .filter(e -> e.getKey().endsWith(" phoneCalls") || e.getKey().endsWith(" visits"))
                .mapToLong(Map.Entry::getValue).sum());
        figures.put("evaluation miscounted", off);
    }

    private JsonNode report(FaultSuite.Run run, String path) throws Exception {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        run.cluster().serviceUrl("evaluation-service") + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + run.tokens().get("M001")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            report("evaluation answered " + reply.statusCode() + " to " + path);
            return JSON.createObjectNode();
        }
        return JSON.readTree(reply.body());
    }

    /** Intake stores exactly the accepted contacts: none missing, none from a refused or hostile request. */
    private void checkIntakeStore(Stores stores, Set<String> accepted) {
        Set<String> stored = new HashSet<>();
        stores.client().getDatabase(Cluster.database("intake-service")).getCollection("contacts").find()
                .projection(new Document("_id", 1)).forEach(d -> stored.add(d.getString("_id")));
        figures.put("contacts stored at intake", (long) stored.size());
        Set<String> missing = new HashSet<>(accepted);
        missing.removeAll(stored);
        Set<String> extra = new HashSet<>(stored);
        extra.removeAll(accepted);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            report("intake's store differs from the ledger: " + missing.size() + " accepted contact(s) missing, "
                    + extra.size() + " never accepted stored");
        }
    }

    private void checkNothingValidDeadLettered(BrokerView broker) {
        long deadLettered = 0;
        for (String topic : List.of(CONTACTS, CASES, FOLLOWUPS, EVALUATIONS)) {
            for (BrokerView.Seen record : broker.of(deadLetter(topic))) {
                deadLettered++;
                if (record.key() == null || !record.key().startsWith(Poison.PREFIX)) {
                    report("a valid record was dead-lettered from " + topic + ": "
                            + record.headers().getOrDefault("x-exception-message", "(no error)"));
                }
            }
        }
        figures.put("dead-lettered (poison, each reader, again on replay)", deadLettered);
    }

    /** A record the services published; null for the suite's own poison, which is checked on its own. */
    private static JsonNode event(BrokerView.Seen record) {
        return record.key() != null && record.key().startsWith(Poison.PREFIX) ? null : JSON.readTree(record.value());
    }

    private static String type(JsonNode event) {
        return event.path("type").asString();
    }

    private static long sequence(JsonNode event) {
        return event.path("data").path("sequence").asLong();
    }

    private void report(String violation) {
        violations.add(violation);
    }
}
