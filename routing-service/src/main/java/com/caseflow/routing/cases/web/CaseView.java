package com.caseflow.routing.cases.web;

import com.caseflow.events.cases.AttachReason;
import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.Phones;
import com.caseflow.routing.cases.domain.Case;
import com.caseflow.routing.cases.domain.CaseContact;
import com.caseflow.routing.cases.domain.CaseStatus;
import com.caseflow.routing.cases.domain.HistoryEntry;
import com.caseflow.support.calendar.BusinessCalendar;
import com.caseflow.support.calendar.Calendars;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A case as the API shows it. The department that works the case sees the customer's number to call them; reviewers
 * (supervisors, managers) see it masked. {@code history} is left out of queue listings; in a case it holds the steps
 * the case keeps with it (its opening step, the latest of each type, the newest ones), {@code historyCount} how many
 * it took in all — every one of them is read from {@code /cases/{id}/history}, page by page. {@code reasons} says why
 * routing chose the department and the priority (rule and words). {@code workingMinutesLeft}: business time left
 * before the deadline that matters now, as a queue counts it down.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(String id, long version, CaseStatus status, String statusLabel, String departmentCode,
                       String ownerId, Priority priority, Complexity complexity, ContactCategory category,
                       String projectCode, String unit, String matter, Customer customer, List<Contact> contacts,
                       String ruleId, long ruleVersion, List<String> matchedKeywords, Deadlines deadlines,
                       boolean overdue, String incidentId, String mergedInto, Instant openedAt, Instant acceptedAt,
                       Instant resolvedAt, String resolution, int reopenCount, List<HistoryEntry> history,
                       List<String> reasons, Long workingMinutesLeft, Long historyCount) {

    public record Customer(String name, String phone) {
    }

    public record Contact(String contactId, String agentId, Channel channel, Instant receivedAt, String customerName,
                          String phone, AttachReason reason) {
    }

    static CaseView of(Case c, long version, boolean fullNumbers, boolean withHistory, Instant now,
                       Calendars calendars) {
        return new CaseView(c.id(), version, c.status(), c.status().labelZh(), c.departmentCode(), c.ownerId(),
                c.priority(), c.complexity(), c.category(), c.projectCode(), c.unit(), c.matter(),
                c.customer() == null ? null
                        : new Customer(c.customer().name(), phone(c.customer().phone(), fullNumbers)),
                c.contacts().stream().map(k -> contact(k, fullNumbers)).toList(),
                c.ruleId(), c.ruleVersion(), c.matchedKeywords(), c.deadlines(), c.isOverdue(now), c.incidentId(),
                c.mergedInto(), c.openedAt(), c.acceptedAt(), c.resolvedAt(), c.resolution(), c.reopenCount(),
                withHistory ? c.history() : null, c.reasons().isEmpty() ? null : c.reasons(),
                workingMinutesLeft(c, now, calendars), withHistory ? c.historyCount() : null);
    }

    /**
     * Working minutes until the deadline that matters now — first response until accepted, then resolution — in the
     * calendar the deadline was counted in; negative: overdue by that many working minutes. None for a case that is
     * no longer open, or whose calendar this service does not know.
     */
    static Long workingMinutesLeft(Case c, Instant now, Calendars calendars) {
        Deadlines deadlines = c.deadlines();
        if (deadlines == null || !(c.status() == CaseStatus.OPEN || c.status() == CaseStatus.IN_PROGRESS)) {
            return null;
        }
        Instant due = c.acceptedAt() == null ? deadlines.firstResponseDue() : deadlines.resolutionDue();
        Optional<BusinessCalendar> calendar = deadlines.calendarId() != null ? calendars.find(deadlines.calendarId())
                : calendars.ofDepartment(c.departmentCode());
        if (due == null || calendar.isEmpty()) {
            return null;
        }
        return now.isBefore(due) ? calendar.get().between(now, due).toMinutes()
                : -calendar.get().between(due, now).toMinutes();
    }

    private static Contact contact(CaseContact k, boolean fullNumbers) {
        return new Contact(k.contactId(), k.agentId(), k.channel(), k.receivedAt(),
                k.customer() == null ? null : k.customer().name(),
                k.customer() == null ? null : phone(k.customer().phone(), fullNumbers), k.reason());
    }

    static String phone(String number, boolean full) {
        return full ? number : Phones.masked(number);
    }
}
