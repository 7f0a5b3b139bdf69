package com.caseflow.console.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/** What the console reads from routing: cases, a caller's cases and the departments. Unknown fields are ignored. */
public final class RoutingViews {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Case(String id, long version, String status, String departmentCode, String ownerId,
                       String priority, String category, String projectCode, String unit, String matter,
                       Customer customer, List<Contact> contacts, Deadlines deadlines, boolean overdue,
                       String incidentId, String mergedInto, Instant openedAt, Instant acceptedAt,
                       Instant resolvedAt, String resolution, int reopenCount, List<HistoryEntry> history,
                       Long workingMinutesLeft, Integer historyCount) {

        public Case {
            contacts = contacts == null ? List.of() : contacts;
            history = history == null ? List.of() : history;
        }

        /** Whether the case's own record holds every step; a long case keeps its older steps apart. */
        public boolean holdsWholeHistory() {
            return historyCount == null || historyCount <= history.size();
        }

        /** The deadline that matters now: the first response until accepted, then the resolution. */
        public Instant nextDue() {
            if (deadlines == null) {
                return null;
            }
            return acceptedAt == null ? deadlines.firstResponseDue() : deadlines.resolutionDue();
        }

        /** Whole hours of {@link #workingMinutesLeft} (business time, routing's calendar), overdue or not. */
        public long workingHours() {
            return workingMinutesLeft == null ? 0 : Math.abs(workingMinutesLeft) / 60;
        }

        public long workingMinutes() {
            return workingMinutesLeft == null ? 0 : Math.abs(workingMinutesLeft) % 60;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Customer(String name, String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String contactId, String agentId, String channel, Instant receivedAt, String customerName,
                          String phone, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deadlines(Instant firstResponseDue, Instant resolutionDue, String calendarId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HistoryEntry(long sequence, String type, Instant at, String by, String departmentCode,
                               String detail) {
    }

    /** A case found by the caller's number: what an agent may tell the caller. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CallerCase(String id, String status, String departmentCode, String ownerId, String priority,
                             String category, String projectCode, Instant openedAt, Deadlines deadlines,
                             boolean overdue, LastNote lastNote, Instant resolvedAt, String resolution,
                             String mergedInto, String matchedBy) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LastNote(String text, Instant at, String by) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Department(String code, String nameZh, String nameEn) {
    }

    private RoutingViews() {
    }
}
