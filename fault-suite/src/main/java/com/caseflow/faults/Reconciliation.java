package com.caseflow.faults;

import com.caseflow.events.EventTypes;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import java.util.TreeSet;

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

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MERGED = "merged";

    private final Map<String, Long> figures = new LinkedHashMap<>();
    private final List<String> violations = new ArrayList<>();

    /** A timer due before the count must have fired this long after it: follow-up's sweep runs every 5 s here. */
    static final Duration TIMER_GRACE = Duration.ofSeconds(30);

    /** @param end the moment the pipeline had settled: what the deadlines call for is judged at it */
    Findings reconcile(FaultSuite.Run run, Stores stores, LocalDate firstDay, Instant end) throws Exception {
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
        checkDepartmentTopics(broker, caseEvents);
        checkFollowUps(run, stores, accepted, caseEvents, end);
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
     * routing, transfer and reopening — every reminder and escalation record counted raw against the timers follow-up
     * planned and against the notifications delivered ({@link Timers}), one callback per customer of each resolution
     * ({@link CallbackCount}).
     */
    private void checkFollowUps(FaultSuite.Run run, Stores stores, Map<String, Ledger.Request> accepted,
                                Map<String, List<JsonNode>> caseEvents, Instant end) {
        MongoDatabase followup = stores.client().getDatabase(Cluster.database("followup-service"));
        Map<String, Document> followed = new HashMap<>();
        followup.getCollection("follow_ups").find().forEach(d -> followed.put(d.getString("_id"), d));
        // A timer may be planned already due (a repeat contact's shorter deadline counts from its receipt): every
        // timer due before the end gets the grace after the end to fire, then the cases still owing one are read again.
        Node.await(TIMER_GRACE, () -> {
            List<String> owing = followed.values().stream().filter(d -> owesTimer(d, end)).map(d -> d.getString("_id"))
                    .toList();
            owing.forEach(id -> followed.put(id, followup.getCollection("follow_ups").find(new Document("_id", id))
                    .first()));
            return followed.values().stream().noneMatch(d -> owesTimer(d, end));
        });
        long wrongDeadlines = 0;
        List<Timers.Planned> planned = new ArrayList<>();
        // the settled timers of a case's older deadlines leave its document for follow_up_timers (bounded cases)
        for (Document timer : followup.getCollection("follow_up_timers").find()) {
            if (caseEvents.containsKey(timer.getString("caseId"))) {
                planned.add(new Timers.Planned(timer.getString("caseId"), timer.getString("stageId"),
                        timer.getString("deadline"), millis(timer.get("deadlineDueAt")), timer.getInteger("level", 0),
                        timer.getString("state"), Instant.ofEpochMilli(millis(timer.get("dueAt"))),
                        timer.get("settledAt") == null ? null : Instant.ofEpochMilli(millis(timer.get("settledAt")))));
            }
        }
        for (Map.Entry<String, List<JsonNode>> c : caseEvents.entrySet()) {
            Document doc = followed.get(c.getKey());
            Document state = doc == null ? null : doc.get("state", Document.class);
            long clocks = deadlineSets(c.getValue());
            long last = sequence(c.getValue().get(c.getValue().size() - 1));
            if (state == null) {
                wrongDeadlines++;
                report("case " + c.getKey() + " has no deadlines at follow-up");
                continue;
            } else if (state.getInteger("generation", 0) != clocks || state.get("sequence", Number.class)
                    .longValue() != last || state.getList("deadlines", Document.class, List.of()).isEmpty()) {
                wrongDeadlines++;
                report("case " + c.getKey() + " at follow-up: deadline set " + state.get("generation") + " of "
                        + clocks + ", event " + state.get("sequence") + " of " + last);
            }
            for (Document stage : state.getList("stages", Document.class, List.of())) {
                planned.add(new Timers.Planned(c.getKey(), stage.getString("_id") != null ? stage.getString("_id")
                        : stage.getString("id"), stage.getString("deadline"), millis(stage.get("deadlineDueAt")),
                        stage.getInteger("level", 0), stage.getString("state"), Instant.ofEpochMilli(
                        millis(stage.get("dueAt"))), stage.get("settledAt") == null ? null : Instant.ofEpochMilli(
                        millis(stage.get("settledAt")))));
            }
        }
        figures.put("cases whose deadlines are wrong at follow-up", wrongDeadlines);

        List<Timers.Fired> fired = new ArrayList<>();
        for (BrokerView.Seen record : run.broker().of(FOLLOWUPS)) {
            JsonNode event = event(record);
            if (event == null) {
                continue;
            }
            JsonNode data = event.path("data");
            if (type(event).equals(EventTypes.FOLLOW_UP_REMINDER_ISSUED) || type(event).equals(
                    EventTypes.CASE_ESCALATED)) {
                fired.add(new Timers.Fired(event.path("eventId").asString(), event.path("occurredAt").asString(),
                        data.path("caseId").asString(), data.path("deadline").asString(),
                        Instant.parse(data.path("dueAt").asString()).toEpochMilli(),
                        type(event).equals(EventTypes.CASE_ESCALATED) ? data.path("level").asInt() : 0));
            }
        }
        Map<String, Integer> delivered = run.notifications().delivered();
        if (run.notifications().gap()) {
            report("notifications may have scrolled out of the receiver's list unseen: the webhook count is not "
                    + "complete");
        }
        Timers.Findings timers = Timers.check(fired, planned, delivered, end, Duration.ZERO);
        violations.addAll(timers.violations());
        figures.put("reminders", timers.reminders());
        figures.put("escalations", timers.escalations());
        figures.put("timers planned at follow-up", (long) planned.size());
        figures.put("timers fired at follow-up", planned.stream().filter(p -> "FIRED".equals(p.state())).count());
        figures.put("reminder and escalation notifications delivered", (long) delivered.size());
        figures.put("notifications delivered again (same key)", delivered.values().stream()
                .mapToLong(n -> Math.max(0, n - 1)).sum());
        figures.put("reminders or escalations sent again (same event id)", timers.sentAgain());
        figures.put("duplicate reminders or escalations", timers.duplicates());

        // customers by the token the case events carry (the suite holds no key to their sealed names and numbers)
        Map<String, String> tokens = new HashMap<>();
        caseEvents.values().forEach(events -> events.stream()
                .filter(e -> type(e).equals(EventTypes.CASE_ROUTED) || type(e).equals(EventTypes.CONTACT_ATTACHED))
                .map(e -> e.path("data"))
                .filter(data -> accepted.containsKey(data.path("contactId").asString()))
                .forEach(data -> tokens.put(data.path("contactId").asString(),
                        data.path("customer").path("token").asString(""))));
        List<CallbackCount.Queued> queued = new ArrayList<>();
        for (Document doc : followup.getCollection("callbacks").find()) {
            Document state = doc.get("state", Document.class);
            Document customer = state.get("customer", Document.class);
            String token = customer == null ? null : customer.getString("token");
            queued.add(new CallbackCount.Queued(state.getString("caseId"), state.get("resolvedSequence", Number.class)
                    .longValue(), state.getString("contactId"), token == null ? "" : token));
        }
        CallbackCount.Findings callbacks = CallbackCount.check(caseEvents, tokens, queued);
        violations.addAll(callbacks.violations());
        figures.put("cases resolved", callbacks.resolutions());
        figures.put("customers to call back", callbacks.expected());
        figures.put("callbacks", callbacks.callbacks());
        figures.put("duplicate callbacks", callbacks.duplicates());
    }

    /** Whether a followed case has a timer still pending that was due before the end. */
    private static boolean owesTimer(Document doc, Instant end) {
        Document state = doc == null ? null : doc.get("state", Document.class);
        return state != null && state.getList("stages", Document.class, List.of()).stream().anyMatch(stage ->
                "PENDING".equals(stage.getString("state")) && millis(stage.get("dueAt")) < end.toEpochMilli());
    }

    /** Each department's topic: its cases' events, each, in order ({@link DepartmentCopies}). */
    private void checkDepartmentTopics(BrokerView broker, Map<String, List<JsonNode>> caseEvents) {
        Map<String, List<BrokerView.Seen>> topics = broker.departmentTopics();
        DepartmentCopies.Findings found = DepartmentCopies.check(caseEvents, topics);
        violations.addAll(found.violations());
        figures.put("department topics", (long) topics.size());
        figures.put("records on department topics", found.records());
        figures.put("cases wrong on a department topic", found.casesWrong());
        figures.put("department copies sent again (same event id)", found.sentAgain());
    }

    private static long millis(Object value) {
        if (value instanceof java.util.Date date) {
            return date.getTime();
        }
        return value == null ? 0 : Instant.parse(value.toString()).toEpochMilli();
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
            String due = toMillis(deadlines.path("firstResponseDue")) + "|" + toMillis(deadlines.path("resolutionDue"));
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
     * A deadline to the millisecond: routing writes a deadline it just worked out to the nanosecond and one it read back
     * from its store to the millisecond, and the two are the same deadline.
     */
    private static String toMillis(JsonNode due) {
        try {
            return Long.toString(Instant.parse(due.asString()).toEpochMilli());
        } catch (RuntimeException e) {
            return due.asString();
        }
    }

    /**
     * Evaluation's counters, each on its own ({@link EvaluationCounters}): every agent's and every department's, as
     * their reports give them for the run's days; then every project's.
     */
    private void checkEvaluation(FaultSuite.Run run, LocalDate firstDay, Map<String, Ledger.Request> accepted,
                                 Map<String, List<JsonNode>> caseEvents) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<JsonNode> followUpEvents = new ArrayList<>();
        events(run.broker(), FOLLOWUPS, "type").values().forEach(followUpEvents::addAll);
        Map<String, Long> expected = EvaluationCounters.expected(List.copyOf(accepted.values()), caseEvents,
                followUpEvents);
        Set<String> agents = new TreeSet<>(Load.AGENTS);
        Set<String> departments = new TreeSet<>();
        expected.keySet().forEach(key -> {
            String[] parts = key.split(" ");
            (parts[0].equals("agent") ? agents : departments).add(parts[1]);
        });
        String period = "?from=" + firstDay + "&to=" + today;
        for (JsonNode row : report(run, "/api/v1/reports/departments" + period).path("rows")) {
            departments.add(row.path("departmentCode").asString());
        }
        Map<String, Long> counted = new TreeMap<>();
        for (String agent : agents) {
            EvaluationCounters.read("agent " + agent, report(run, "/api/v1/reports/agents/" + agent + period)
                    .path("counters"), EvaluationCounters.AGENT, counted);
        }
        for (String department : departments) {
            EvaluationCounters.read("department " + department, report(run, "/api/v1/reports/departments/"
                    + department + period).path("counters"), EvaluationCounters.DEPARTMENT, counted);
        }
        List<String> off = EvaluationCounters.compare(expected, counted);
        violations.addAll(off);
        figures.put("contacts counted in evaluation", counted.entrySet().stream()
                .filter(e -> e.getKey().endsWith(" phoneCalls") || e.getKey().endsWith(" visits"))
                .mapToLong(Map.Entry::getValue).sum());
        figures.put("evaluation counters compared", (long) counted.size());
        figures.put("evaluation counters wrong", (long) off.size());
        checkProjects(run, period, accepted, caseEvents);
    }

    /**
     * Every project's counters, each on its own ({@link EvaluationCounters#projects}), as its daily report gives
     * them for the run's days; and whatever the whole company's report counts in a project not read.
     */
    private void checkProjects(FaultSuite.Run run, String period, Map<String, Ledger.Request> accepted,
                               Map<String, List<JsonNode>> caseEvents) throws Exception {
        Map<String, Long> expected = EvaluationCounters.projects(List.copyOf(accepted.values()), caseEvents);
        Set<String> projects = new TreeSet<>(Load.PROJECTS);
        expected.keySet().forEach(key -> projects.add(key.split(" ")[1]));
        Map<String, Long> counted = new TreeMap<>();
        for (String project : projects) {
            EvaluationCounters.readProject(project, report(run, "/api/v1/reports/daily" + period + "&projectCode="
                    + URLEncoder.encode(project, StandardCharsets.UTF_8)).path("total"), counted);
        }
        EvaluationCounters.readOtherProjects(report(run, "/api/v1/reports/daily" + period).path("total"), counted);
        List<String> off = EvaluationCounters.compare(expected, counted);
        violations.addAll(off);
        figures.put("contacts counted for projects in evaluation", counted.entrySet().stream()
                .filter(e -> e.getKey().startsWith("project ")
                        && e.getKey().contains(" " + EvaluationCounters.CONTACTS))
                .mapToLong(Map.Entry::getValue).sum());
        figures.put("project counters compared", (long) counted.size());
        figures.put("project counters wrong", (long) off.size());
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
