package com.caseflow.followup.missedcalls.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code caseflow.missed-calls}: the call-back tasks of unanswered calls.
 *
 * @param due          working time after the first missed call by which the caller should be called back
 * @param maxAttempts  unanswered calls back before the task closes as UNREACHABLE
 * @param calendar     the calendar the due time is counted in: the hotline's (customer service works other calendars
 *                     too — the 24×7 one for urgent cases — so it is named rather than looked up by department)
 * @param department   whose supervisor hears of an overdue task
 * @param sweep        false stops the scheduled look for overdue tasks (tests drive it themselves)
 * @param pollInterval how often overdue tasks are looked for
 */
@ConfigurationProperties("caseflow.missed-calls")
public record MissedCallProperties(@DefaultValue("PT30M") Duration due, @DefaultValue("3") int maxAttempts,
                                   @DefaultValue("HOTLINE") String calendar,
                                   @DefaultValue("CUSTOMER_SERVICE") String department,
                                   @DefaultValue("true") boolean sweep, @DefaultValue("1m") Duration pollInterval,
                                   @DefaultValue("100") int batchSize) {

    public MissedCallProperties {
        if (due.isNegative() || due.isZero()) {
            throw new IllegalArgumentException("caseflow.missed-calls.due must be positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("caseflow.missed-calls.max-attempts must be at least 1");
        }
    }
}
