package com.caseflow.evaluation.recurring.application;

import com.caseflow.evaluation.aggregates.persistence.AggregateStore;
import com.caseflow.evaluation.recurring.domain.RecurringIssues;
import org.springframework.stereotype.Service;

import java.time.LocalDate;

/**
 * The recurring-issues report of a period, from the projects' day counters of the period and the one before it: one
 * read of at most projects × days documents, whatever the number of contacts.
 */
@Service
public class RecurringIssueReports {

    private final AggregateStore aggregates;
    private final RecurringProperties properties;

    public RecurringIssueReports(AggregateStore aggregates, RecurringProperties properties) {
        this.aggregates = aggregates;
        this.properties = properties;
    }

    public RecurringIssues.Report report(LocalDate from, LocalDate to, int limit) {
        return RecurringIssues.of(from, to,
                aggregates.projectsInPeriod(RecurringIssues.previousFrom(from, to), to), limit,
                properties.incidentThreshold());
    }
}
