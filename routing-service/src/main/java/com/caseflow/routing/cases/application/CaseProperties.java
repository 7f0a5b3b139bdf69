package com.caseflow.routing.cases.application;

import com.caseflow.events.contact.ContactCategory;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * @param repeatWindow      how long after a customer's last contact about a matter another contact about the same
 *                          project and category joins the open case
 * @param incidentWindow    how close together reports must be to count as one mass incident
 * @param incidentThreshold how many different customers make a mass incident
 * @param incidentCategories the kinds of matter that can be one problem shared by many (a burst pipe, a broken
 *                           lift); many buyers asking about prices are not an incident
 * @param maxContactsPerCase how many contacts one case answers at most; a full case takes no more, so a long-running
 *                           incident continues in a new case rather than growing one document without bound
 * @param maxTransfersPerCase how many times one case may move to another department; one more is refused (409), so
 *                            a case bounced between departments goes to a supervisor instead of growing the timelines
 *                            kept of it (follow-up keeps each transfer's reason, new deadlines and timers)
 * @param maxPendingEventsPerCase how many of a case's events may wait in its document for the broker; while that many
 *                                wait, staff's steps on the case are refused (503) — the case's document holds them
 */
@ConfigurationProperties("caseflow.routing.cases")
public record CaseProperties(Duration repeatWindow, Duration incidentWindow, int incidentThreshold,
                             Set<ContactCategory> incidentCategories, int maxContactsPerCase,
                             int maxTransfersPerCase, int maxPendingEventsPerCase) {

    public CaseProperties {
        repeatWindow = repeatWindow == null ? Duration.ofDays(7) : repeatWindow;
        incidentWindow = incidentWindow == null ? Duration.ofHours(2) : incidentWindow;
        incidentThreshold = incidentThreshold < 2 ? 3 : incidentThreshold;
        maxContactsPerCase = maxContactsPerCase <= 0 ? 200 : maxContactsPerCase;
        maxTransfersPerCase = maxTransfersPerCase <= 0 ? 100 : maxTransfersPerCase;
        maxPendingEventsPerCase = maxPendingEventsPerCase <= 0 ? 200 : maxPendingEventsPerCase;
        incidentCategories = incidentCategories == null || incidentCategories.isEmpty()
                ? EnumSet.of(ContactCategory.REPAIR, ContactCategory.PROPERTY_MANAGEMENT, ContactCategory.COMPLAINT,
                        ContactCategory.HANDOVER)
                : Set.copyOf(incidentCategories);
    }
}
