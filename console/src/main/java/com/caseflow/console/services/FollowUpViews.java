package com.caseflow.console.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/** What the console reads from follow-up: customer service's callbacks. Unknown fields are ignored. */
public final class FollowUpViews {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Callback(String id, String caseId, String status, RoutingViews.Customer customer,
                           String contactId, String agentId, String departmentCode, String projectCode,
                           String matter, String resolution, Instant resolvedAt, Instant dueAt,
                           Instant nextAttemptAt, boolean overdue, List<Attempt> attempts, Instant closedAt) {

        public Callback {
            attempts = attempts == null ? List.of() : attempts;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attempt(int number, Instant at, String by, boolean reached, Integer satisfaction,
                          Boolean resolvedInCustomerView, String comment) {
    }

    /**
     * A call-back task for a number whose calls nobody answered (one open task per number).
     *
     * @param attempts how many call-backs were tried: a count, or the attempts themselves
     * @param outcome  once closed: REACHED, WRONG_NUMBER, UNREACHABLE, CALLED_AGAIN…
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MissedCall(String id, String hotline, String caller, int calls, Instant firstMissedAt,
                             Instant lastMissedAt, Instant dueAt, boolean overdue, String status, Object attempts,
                             String outcome, String note, String closedBy, Instant closedAt, List<String> callIds,
                             Long workingMinutesLeft) {

        public MissedCall {
            callIds = callIds == null ? List.of() : callIds;
        }

        public int attemptCount() {
            if (attempts instanceof Number number) {
                return number.intValue();
            }
            return attempts instanceof java.util.Collection<?> list ? list.size() : 0;
        }

        /** Whole hours of {@link #workingMinutesLeft} (the hotline's calendar), when follow-up gives it. */
        public long workingHours() {
            return workingMinutesLeft == null ? 0 : Math.abs(workingMinutesLeft) / 60;
        }

        public long workingMinutes() {
            return workingMinutesLeft == null ? 0 : Math.abs(workingMinutesLeft) % 60;
        }

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    private FollowUpViews() {
    }
}
