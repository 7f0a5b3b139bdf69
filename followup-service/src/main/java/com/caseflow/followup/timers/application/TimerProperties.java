package com.caseflow.followup.timers.application;

import com.caseflow.events.cases.Priority;
import com.caseflow.followup.timers.domain.EscalationStep;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code caseflow.followup.timers}: when reminders and escalations fire, and how often the service looks for due
 * timers.
 *
 * @param reminderShare  share of a deadline's business time after which the owner is reminded (0.75)
 * @param escalation     the ladder: each step's role and its business time past the deadline
 * @param escalationByPriority a ladder of its own for a priority (URGENT: the project manager and the executive
 *                       within the hour)
 * @param pollInterval   how often due timers are looked for; a timer fires at most this late
 * @param batchSize      cases read per look; a sweep looks again until no due case is left
 * @param sweep          false stops the scheduled look (tests drive it themselves)
 * @param failedRetryMax the longest a case whose timers failed to fire waits before the next try (the wait doubles
 *                       from the poll interval with each failure in a row)
 */
@ConfigurationProperties("caseflow.followup.timers")
public record TimerProperties(@DefaultValue("0.75") double reminderShare, List<EscalationStep> escalation,
                              Map<Priority, List<EscalationStep>> escalationByPriority,
                              @DefaultValue("30s") Duration pollInterval, @DefaultValue("100") int batchSize,
                              @DefaultValue("true") boolean sweep,
                              @DefaultValue("1h") Duration failedRetryMax) {

    public TimerProperties {
        escalation = escalation == null ? List.of() : List.copyOf(escalation);
        escalationByPriority = escalationByPriority == null ? Map.of() : Map.copyOf(escalationByPriority);
        if (batchSize < 1) {
            throw new IllegalArgumentException("caseflow.followup.timers.batch-size must be at least 1");
        }
    }
}
