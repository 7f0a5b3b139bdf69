package com.caseflow.faults;

import com.caseflow.events.EventTypes;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What evaluation must have counted, counter by counter, worked out from the ledger and the topics — so that a
 * counter counted twice cannot hide behind another counted once too few, as four totals could.
 * Keys are {@code "agent A001 phoneCalls"} or {@code "department CUSTOMER_SERVICE escalations.1"}, as in evaluation's
 * report counters ({@code AgentDay}, {@code DepartmentDay}); a project's are {@code "project SH-LJY contacts.REPAIR"},
 * as its daily report gives its {@code ProjectDay}s over the period.
 */
final class EvaluationCounters {

    static final List<String> AGENT = List.of("phoneCalls", "visits", "settledAtFirstContact", "casesOpened",
            "casesReopened", "feedbackReached", "satisfactionSum", "satisfied");
    static final List<String> DEPARTMENT = List.of("casesRouted", "transfersIn", "transfersOut", "accepted",
            "acceptedOnTime", "firstResponseMissed", "resolved", "resolvedOnTime", "resolutionMissed", "reopened",
            "feedbackReached", "satisfactionSum", "satisfied");
    /** Escalations are counted by step: {@code escalations.1}, {@code escalations.2}… */
    static final String ESCALATIONS = "escalations.";
    /** A project's contacts by category ({@code contacts.REPAIR}) and by channel ({@code channels.PHONE}). */
    static final String CONTACTS = "contacts.";
    static final String CHANNELS = "channels.";
    /** Contacts counted in a project that was not read, by category: the whole company's less the projects read. */
    static final String OTHER_PROJECTS = "other projects";

    private EvaluationCounters() {
    }

    /**
     * @param accepted      every contact intake accepted
     * @param caseEvents    every case's events, each once, in order, by case id
     * @param followUpEvents every event on {@code followups}, each once
     */
    static Map<String, Long> expected(List<Ledger.Request> accepted, Map<String, List<JsonNode>> caseEvents,
                                      List<JsonNode> followUpEvents) {
        Map<String, Long> counters = new TreeMap<>();
        for (Ledger.Request request : accepted) {
            add(counters, "agent " + request.agent + (request.visit ? " visits" : " phoneCalls"), 1);
            if (request.settled) {
                add(counters, "agent " + request.agent + " settledAtFirstContact", 1);
            }
        }
        // a deadline is decided once per clock: by its accept or resolve, or by the first escalation step after it
        Set<String> missed = new HashSet<>();
        caseEvents.forEach((caseId, events) -> {
            String department = null;
            String firstAgent = null;
            Instant firstResponseDue = null;
            Instant resolutionDue = null;
            for (JsonNode event : events) {
                JsonNode data = event.path("data");
                JsonNode deadlines = data.path("deadlines");
                switch (event.path("type").asString()) {
                    case EventTypes.CASE_ROUTED -> {
                        department = data.path("departmentCode").asString();
                        firstAgent = data.path("agentId").asString();
                        add(counters, "department " + department + " casesRouted", 1);
                        add(counters, "agent " + firstAgent + " casesOpened", 1);
                        firstResponseDue = instant(deadlines.path("firstResponseDue"));
                        resolutionDue = instant(deadlines.path("resolutionDue"));
                    }
                    case EventTypes.CONTACT_ATTACHED -> {
                        if (deadlines.isObject()) {
                            firstResponseDue = instant(deadlines.path("firstResponseDue"));
                            resolutionDue = instant(deadlines.path("resolutionDue"));
                        }
                    }
                    case EventTypes.CASE_TRANSFERRED -> {
                        add(counters, "department " + data.path("fromDepartment").asString() + " transfersOut", 1);
                        department = data.path("toDepartment").asString();
                        add(counters, "department " + department + " transfersIn", 1);
                        firstResponseDue = instant(deadlines.path("firstResponseDue"));
                        resolutionDue = instant(deadlines.path("resolutionDue"));
                    }
                    case EventTypes.CASE_REOPENED -> {
                        add(counters, "department " + department + " reopened", 1);
                        if (firstAgent != null) {
                            add(counters, "agent " + firstAgent + " casesReopened", 1);
                        }
                        firstResponseDue = instant(deadlines.path("firstResponseDue"));
                        resolutionDue = instant(deadlines.path("resolutionDue"));
                    }
                    case EventTypes.CASE_ACCEPTED -> {
                        add(counters, "department " + department + " accepted", 1);
                        Instant at = instant(data.path("acceptedAt"));
                        if (firstResponseDue != null && at != null) {
                            if (at.isAfter(firstResponseDue)) {
                                missed.add(department + "|FIRST_RESPONSE|" + caseId + "|" + firstResponseDue);
                            } else {
                                add(counters, "department " + department + " acceptedOnTime", 1);
                            }
                        }
                    }
                    case EventTypes.CASE_RESOLVED -> {
                        add(counters, "department " + department + " resolved", 1);
                        Instant at = instant(data.path("resolvedAt"));
                        if (resolutionDue != null && at != null) {
                            if (at.isAfter(resolutionDue)) {
                                missed.add(department + "|RESOLUTION|" + caseId + "|" + resolutionDue);
                            } else {
                                add(counters, "department " + department + " resolvedOnTime", 1);
                            }
                        }
                    }
                    default -> { }
                }
            }
        });
        for (JsonNode event : followUpEvents) {
            JsonNode data = event.path("data");
            switch (event.path("type").asString()) {
                case EventTypes.CASE_ESCALATED -> {
                    String department = data.path("departmentCode").asString();
                    add(counters, "department " + department + " " + ESCALATIONS + data.path("level").asInt(), 1);
                    if (data.path("level").asInt() == 1 && data.path("deadline").isString()) {
                        missed.add(department + "|" + data.path("deadline").asString() + "|"
                                + data.path("caseId").asString() + "|" + instant(data.path("dueAt")));
                    }
                }
                case EventTypes.CUSTOMER_FEEDBACK_RECORDED -> {
                    if (data.path("reached").asBoolean() && data.path("satisfaction").isNumber()) {
                        int satisfaction = data.path("satisfaction").asInt();
                        for (String who : feedbackCounted(data)) {
                            add(counters, who + " feedbackReached", 1);
                            add(counters, who + " satisfactionSum", satisfaction);
                            add(counters, who + " satisfied", satisfaction >= 4 ? 1 : 0);
                        }
                    }
                }
                default -> { }
            }
        }
        missed.forEach(key -> {
            String[] parts = key.split("\\|");
            add(counters, "department " + parts[0] + (parts[1].equals("FIRST_RESPONSE") ? " firstResponseMissed"
                    : " resolutionMissed"), 1);
        });
        return counters;
    }

    /**
     * What evaluation must have counted for each project, as {@code Folding} counts it: every accepted contact by
     * category and channel, and settled at first contact, for the project it was recorded under; every repeat and
     * incident contact for the project of the case it joined.
     *
     * @param accepted   every contact intake accepted
     * @param caseEvents every case's events, each once, in order, by case id
     */
    static Map<String, Long> projects(List<Ledger.Request> accepted, Map<String, List<JsonNode>> caseEvents) {
        Map<String, Long> counters = new TreeMap<>();
        for (Ledger.Request request : accepted) {
            if (request.project == null || request.category == null) {
                continue;
            }
            String project = "project " + request.project;
            add(counters, project + " " + CONTACTS + request.category, 1);
            add(counters, project + " " + CHANNELS + (request.visit ? "VISIT" : "PHONE"), 1);
            if (request.settled) {
                add(counters, project + " settledAtFirstContact", 1);
            }
        }
        caseEvents.values().forEach(events -> {
            String project = null;
            String incident = null;
            boolean routed = false;
            for (JsonNode event : events) {
                JsonNode data = event.path("data");
                switch (event.path("type").asString()) {
                    case EventTypes.CASE_ROUTED -> {
                        if (routed) {
                            continue;
                        }
                        routed = true;
                        // a case whose project or category evaluation does not know counts no contact for a project
                        project = data.path("projectCode").isString() && data.path("category").isString()
                                ? "project " + data.path("projectCode").asString() : null;
                        incident = text(data.path("incidentId"));
                        if (project != null && incident != null) {
                            add(counters, project + " incidentContacts", 1);
                        }
                    }
                    case EventTypes.CONTACT_ATTACHED -> {
                        if (project == null || text(data.path("receivedAt")) == null
                                && text(data.path("attachedAt")) == null) {
                            continue;
                        }
                        switch (data.path("reason").asString()) {
                            case "REPEAT" -> add(counters, project + " repeatContacts", 1);
                            case "INCIDENT" -> {
                                String joined = text(data.path("incidentId"));
                                joined = joined != null ? joined : incident;
                                if (joined != null) {
                                    add(counters, project + " incidentContacts", 1);
                                    if (incident == null) {
                                        // the case is first seen in an incident: the contact that opened it was one
                                        // of the incident's callers too
                                        add(counters, project + " incidentContacts", 1);
                                        incident = joined;
                                    }
                                }
                            }
                            default -> { }
                        }
                    }
                    default -> { }
                }
            }
        });
        return counters;
    }

    /** A project's counters over the period, from the {@code total} of its daily report. */
    static void readProject(String projectCode, JsonNode total, Map<String, Long> into) {
        String project = "project " + projectCode;
        JsonNode contacts = total.path("contacts");
        contacts.path("byCategory").properties().forEach(e -> into.put(project + " " + CONTACTS + e.getKey(),
                e.getValue().asLong()));
        contacts.path("byChannel").properties().forEach(e -> into.put(project + " " + CHANNELS + e.getKey(),
                e.getValue().asLong()));
        into.put(project + " repeatContacts", contacts.path("repeatContacts").asLong());
        into.put(project + " incidentContacts", contacts.path("incidentContacts").asLong());
        into.put(project + " settledAtFirstContact", total.path("firstContactResolution").path("settled").asLong());
    }

    /**
     * What the whole company's daily report ({@code total}) counts by project beyond the projects already read into
     * {@code counted}: contacts by category, repeat and incident contacts (the company's channels and first-contact
     * resolution are the agents', not the projects').
     */
    static void readOtherProjects(JsonNode total, Map<String, Long> counted) {
        Map<String, Long> company = new TreeMap<>();
        JsonNode contacts = total.path("contacts");
        contacts.path("byCategory").properties().forEach(e -> company.put(CONTACTS + e.getKey(),
                e.getValue().asLong()));
        company.put("repeatContacts", contacts.path("repeatContacts").asLong());
        company.put("incidentContacts", contacts.path("incidentContacts").asLong());
        Map<String, Long> others = new TreeMap<>();
        company.forEach((name, all) -> others.put(OTHER_PROJECTS + " " + name, all - counted.entrySet().stream()
                .filter(e -> e.getKey().startsWith("project ") && e.getKey().endsWith(" " + name))
                .mapToLong(Map.Entry::getValue).sum()));
        counted.putAll(others);
    }

    private static List<String> feedbackCounted(JsonNode data) {
        List<String> who = new ArrayList<>();
        if (data.path("agentId").isString()) {
            who.add("agent " + data.path("agentId").asString());
        }
        if (data.path("departmentCode").isString()) {
            who.add("department " + data.path("departmentCode").asString());
        }
        return who;
    }

    /** Every counter whose figure differs, each on its own: a missing counter counts as 0. */
    static List<String> compare(Map<String, Long> expected, Map<String, Long> counted) {
        List<String> violations = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(counted.keySet());
        for (String key : keys) {
            long want = expected.getOrDefault(key, 0L);
            long got = counted.getOrDefault(key, 0L);
            if (want != got) {
                violations.add("evaluation counted " + got + " for " + key + ", expected " + want);
            }
        }
        return violations;
    }

    /** The counters of one report ({@code counters} of an agent's or a department's report), under the given prefix. */
    static void read(String prefix, JsonNode counters, List<String> names, Map<String, Long> into) {
        for (String name : names) {
            into.put(prefix + " " + name, counters.path(name).asLong());
        }
        counters.path("escalations").properties().forEach(e -> into.put(prefix + " " + ESCALATIONS + e.getKey(),
                e.getValue().asLong()));
    }

    private static void add(Map<String, Long> counters, String key, long by) {
        counters.merge(key, by, Long::sum);
    }

    private static String text(JsonNode value) {
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static Instant instant(JsonNode value) {
        return value.isString() && !value.asString().isBlank() ? Instant.parse(value.asString()) : null;
    }
}
