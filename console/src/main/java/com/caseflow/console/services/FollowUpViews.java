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

    private FollowUpViews() {
    }
}
