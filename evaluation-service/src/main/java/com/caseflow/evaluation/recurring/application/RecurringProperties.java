package com.caseflow.evaluation.recurring.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code caseflow.evaluation.recurring}: the recurring-issues report and the improvement proposals.
 *
 * @param defaultLimit      entries per list of the report when the request names no {@code limit}
 * @param maxLimit          the largest {@code limit} a request may ask for
 * @param incidentThreshold contacts in the period from which a mass incident (群体事件) is listed
 * @param weeksBefore       weeks before a proposal's recording week its issue's volume is averaged over
 * @param weeksSince        weeks shown from the recording week on
 */
@ConfigurationProperties("caseflow.evaluation.recurring")
public record RecurringProperties(@DefaultValue("10") int defaultLimit, @DefaultValue("50") int maxLimit,
                                  @DefaultValue("5") int incidentThreshold, @DefaultValue("4") int weeksBefore,
                                  @DefaultValue("12") int weeksSince) {

    public RecurringProperties {
        if (maxLimit < 1 || defaultLimit < 1 || defaultLimit > maxLimit) {
            throw new IllegalArgumentException("recurring: need 1 <= default-limit <= max-limit");
        }
        if (incidentThreshold < 1 || weeksBefore < 1 || weeksSince < 1) {
            throw new IllegalArgumentException("recurring: incident-threshold, weeks-before and weeks-since must be "
                    + "at least 1");
        }
    }
}
