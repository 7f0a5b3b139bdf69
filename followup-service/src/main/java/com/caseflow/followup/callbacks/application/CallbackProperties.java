package com.caseflow.followup.callbacks.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code caseflow.followup.callbacks}: the customer callback (回访) after a resolution.
 *
 * @param department      the department whose staff make the callbacks (customer service)
 * @param dueWithin       business time after the resolution by which the customer should be called
 * @param retryAfter      business time before a customer who was not reached is tried again
 * @param maxAttempts     calls before the customer counts as unreached
 * @param reopenAtOrBelow satisfaction (1–5) at or below which the case is reopened
 */
@ConfigurationProperties("caseflow.followup.callbacks")
public record CallbackProperties(@DefaultValue("CUSTOMER_SERVICE") String department,
                                 @DefaultValue("16h") Duration dueWithin, @DefaultValue("2h") Duration retryAfter,
                                 @DefaultValue("3") int maxAttempts, @DefaultValue("2") int reopenAtOrBelow) {
}
