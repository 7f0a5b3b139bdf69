package com.caseflow.routing.cases.web;

import com.caseflow.events.EventTypes;
import com.caseflow.events.cases.AttachReason;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.routing.cases.domain.Case;
import com.caseflow.routing.cases.domain.CaseContact;
import com.caseflow.routing.cases.domain.CaseStatus;
import com.caseflow.routing.cases.domain.HistoryEntry;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * One of a caller's cases as the agent's console shows it beside the call form. {@code matchedBy} says how the
 * number belongs to the case: {@code CUSTOMER} (the caller opened it) or {@code CONTACT} (the caller's contact was
 * attached to a case someone else opened: {@code contactReason} REPEAT or INCIDENT). Only for {@code CUSTOMER} is the
 * case's customer shown: an incident's case belongs to another customer. Fields without a value are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallerCaseView(String id, CaseStatus status, String statusLabel, String departmentCode, String ownerId,
                             Priority priority, ContactCategory category, String projectCode, Instant openedAt,
                             Due deadlines, boolean overdue, Note lastNote, Instant resolvedAt, String resolution,
                             String mergedInto, String incidentId, String matchedBy, AttachReason contactReason,
                             CaseView.Customer customer) {

    public static final String BY_CUSTOMER = "CUSTOMER";
    public static final String BY_CONTACT = "CONTACT";

    /** When the case must first be answered and resolved. */
    public record Due(Instant firstResponseDue, Instant resolutionDue) {
    }

    /** The latest note the department added: what it said, when, and who wrote it. */
    public record Note(String text, Instant at, String by) {
    }

    static CallerCaseView of(Case c, String phone, boolean fullNumbers, Instant now) {
        boolean customer = c.customer() != null && phone.equals(c.customer().phone());
        AttachReason reason = customer ? null : c.contacts().stream()
                .filter(k -> k.customer() != null && phone.equals(k.customer().phone()))
                .map(CaseContact::reason)
                .filter(r -> r != null)
                .reduce((first, later) -> later)
                .orElse(null);
        return new CallerCaseView(c.id(), c.status(), c.status().labelZh(), c.departmentCode(), c.ownerId(),
                c.priority(), c.category(), c.projectCode(), c.openedAt(),
                c.deadlines() == null ? null
                        : new Due(c.deadlines().firstResponseDue(), c.deadlines().resolutionDue()),
                c.isOverdue(now), lastNote(c.history()), c.resolvedAt(), c.resolution(), c.mergedInto(),
                c.incidentId(), customer ? BY_CUSTOMER : BY_CONTACT, reason,
                customer ? new CaseView.Customer(c.customer().name(), CaseView.phone(c.customer().phone(),
                        fullNumbers)) : null);
    }

    private static Note lastNote(List<HistoryEntry> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry step = history.get(i);
            if (EventTypes.CASE_NOTE_ADDED.equals(step.type())) {
                return new Note(step.detail(), step.at(), step.by());
            }
        }
        return null;
    }
}
