package com.caseflow.evaluation.aggregates.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What customers raised about one project on one business day, by category (the {@code ContactCategory} name), as
 * counters that only add up: a period's recurring issues are the sum of its days, so a report's cost grows with
 * projects and days, not with contacts.
 *
 * @param contacts         contacts recorded at intake
 * @param repeatContacts   contacts that joined an open case of the same customer (重复来电), in the case's category
 * @param incidentContacts contacts counted in a mass incident (群体事件), in the case's category
 * @param incidents        the same contacts by incident
 * @param channels         contacts recorded at intake by channel ({@code Channel} name); counted since the daily
 *                         series came, so a day before it has none
 * @param settledAtFirstContact of the contacts counted by channel, those the agent settled on the spot
 */
public record ProjectDay(Map<String, Long> contacts, Map<String, Long> repeatContacts,
                         Map<String, Long> incidentContacts, List<IncidentContacts> incidents,
                         Map<String, Long> channels, long settledAtFirstContact) {

    /** Contacts of one mass incident of the project, in its category. */
    public record IncidentContacts(String incidentId, String category, long contacts) {
    }

    public static final ProjectDay NONE = new ProjectDay(Map.of(), Map.of(), Map.of(), List.of());

    public ProjectDay {
        contacts = contacts == null ? Map.of() : Map.copyOf(contacts);
        repeatContacts = repeatContacts == null ? Map.of() : Map.copyOf(repeatContacts);
        incidentContacts = incidentContacts == null ? Map.of() : Map.copyOf(incidentContacts);
        incidents = incidents == null ? List.of() : List.copyOf(incidents);
        channels = channels == null ? Map.of() : Map.copyOf(channels);
    }

    public ProjectDay(Map<String, Long> contacts, Map<String, Long> repeatContacts,
                      Map<String, Long> incidentContacts, List<IncidentContacts> incidents) {
        this(contacts, repeatContacts, incidentContacts, incidents, null, 0);
    }

    /** A contact recorded at intake: its category, its channel and whether it was settled on the spot. */
    public static ProjectDay contact(String category, String channel, boolean settled) {
        return new ProjectDay(Map.of(category, 1L), null, null, null, Map.of(channel, 1L), settled ? 1 : 0);
    }

    public static ProjectDay repeat(String category) {
        return new ProjectDay(null, Map.of(category, 1L), null, null);
    }

    public static ProjectDay incident(String incidentId, String category, long contacts) {
        return new ProjectDay(null, null, Map.of(category, contacts),
                List.of(new IncidentContacts(incidentId, category, contacts)));
    }

    public ProjectDay plus(ProjectDay o) {
        Map<String, IncidentContacts> byIncident = new LinkedHashMap<>();
        for (IncidentContacts i : incidents) {
            byIncident.merge(i.incidentId() + "|" + i.category(), i, ProjectDay::sum);
        }
        for (IncidentContacts i : o.incidents) {
            byIncident.merge(i.incidentId() + "|" + i.category(), i, ProjectDay::sum);
        }
        List<IncidentContacts> merged = new ArrayList<>(byIncident.values());
        merged.sort(Comparator.comparing(IncidentContacts::incidentId).thenComparing(IncidentContacts::category));
        return new ProjectDay(merge(contacts, o.contacts), merge(repeatContacts, o.repeatContacts),
                merge(incidentContacts, o.incidentContacts), merged, merge(channels, o.channels),
                settledAtFirstContact + o.settledAtFirstContact);
    }

    public long contactsIn(String category) {
        return contacts.getOrDefault(category, 0L);
    }

    private static IncidentContacts sum(IncidentContacts a, IncidentContacts b) {
        return new IncidentContacts(a.incidentId(), a.category(), a.contacts() + b.contacts());
    }

    private static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> sum = new HashMap<>(a);
        b.forEach((k, v) -> sum.merge(k, v, Long::sum));
        return sum;
    }
}
