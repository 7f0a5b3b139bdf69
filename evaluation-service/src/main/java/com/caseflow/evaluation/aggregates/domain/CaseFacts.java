package com.caseflow.evaluation.aggregates.domain;

import com.caseflow.events.contact.ContactCategory;

import java.time.Instant;
import java.util.List;

/**
 * What evaluation remembers of a case to score the events that follow: its department, the agents whose contacts it
 * answers, when its current clock started and its deadlines; and, to count the contacts that join it, its project and
 * category as routed, when its first contact was received and the mass incident it stands for, if any.
 *
 * @param projectCode the case's project as routed; null for facts remembered before projects were (no contact that
 *                    joins such a case is counted for a project)
 * @param category    the case's category as routed; null as for {@code projectCode}
 * @param openedAt    when intake received the contact that opened the case
 * @param incidentId  the mass incident (群体事件) the case stands for, once known; its first contact then counts too
 * @param calendarId  the business calendar its current deadlines are counted in; null for facts remembered before
 *                    calendars were named (counted in the office calendar)
 */
public record CaseFacts(String caseId, String departmentCode, List<String> agentIds, Instant clockStartedAt,
                        Instant firstResponseDue, Instant resolutionDue, long sequence, String projectCode,
                        ContactCategory category, Instant openedAt, String incidentId, String calendarId) {

    public CaseFacts {
        agentIds = agentIds == null ? List.of() : List.copyOf(agentIds);
    }

    /** A case whose project and category are not known. */
    public CaseFacts(String caseId, String departmentCode, List<String> agentIds, Instant clockStartedAt,
                     Instant firstResponseDue, Instant resolutionDue, long sequence) {
        this(caseId, departmentCode, agentIds, clockStartedAt, firstResponseDue, resolutionDue, sequence, null, null,
                null, null, null);
    }

    /** A case whose calendar is not known. */
    public CaseFacts(String caseId, String departmentCode, List<String> agentIds, Instant clockStartedAt,
                     Instant firstResponseDue, Instant resolutionDue, long sequence, String projectCode,
                     ContactCategory category, Instant openedAt, String incidentId) {
        this(caseId, departmentCode, agentIds, clockStartedAt, firstResponseDue, resolutionDue, sequence, projectCode,
                category, openedAt, incidentId, null);
    }

    /** The case after an event that moved its queue, agents, clock or deadlines; what it is about stays. */
    public CaseFacts moved(String toDepartment, List<String> toAgents, Instant clockFrom, Instant firstResponseBy,
                           Instant resolutionBy, long atSequence) {
        return new CaseFacts(caseId, toDepartment, toAgents, clockFrom, firstResponseBy, resolutionBy, atSequence,
                projectCode, category, openedAt, incidentId, calendarId);
    }

    /** The case with deadlines counted in {@code calendar} from now on; unchanged when the event named none. */
    public CaseFacts countedIn(String calendar) {
        return calendar == null ? this : new CaseFacts(caseId, departmentCode, agentIds, clockStartedAt,
                firstResponseDue, resolutionDue, sequence, projectCode, category, openedAt, incidentId, calendar);
    }

    public CaseFacts inIncident(String incident) {
        return new CaseFacts(caseId, departmentCode, agentIds, clockStartedAt, firstResponseDue, resolutionDue,
                sequence, projectCode, category, openedAt, incident, calendarId);
    }

    /** Whether contacts joining the case can be counted for a project and category. */
    public boolean aboutProject() {
        return projectCode != null && category != null;
    }
}
