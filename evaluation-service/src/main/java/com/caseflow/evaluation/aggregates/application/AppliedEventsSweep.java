package com.caseflow.evaluation.aggregates.application;

import com.caseflow.evaluation.aggregates.persistence.AggregateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Takes the ids of events folded longer ago than the retention window off the counter documents' {@code applied}
 * lists. Until then a consumer that lost its partitions (a zombie) and folds an event the new owner folded already
 * finds the id there and counts nothing; the window is the longest such a consumer may go on unnoticed.
 */
@Component
class AppliedEventsSweep {

    private static final Logger log = LoggerFactory.getLogger(AppliedEventsSweep.class);
    private static final int BATCH = 500;

    private final AggregateStore aggregates;
    private final Clock clock;
    private final Duration retention;

    AppliedEventsSweep(AggregateStore aggregates, Clock clock,
                       @Value("${caseflow.evaluation.folding.applied-retention:P7D}") Duration retention) {
        this.aggregates = aggregates;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "${caseflow.evaluation.folding.settle-every:PT10M}",
            fixedDelayString = "${caseflow.evaluation.folding.settle-every:PT10M}")
    void settle() {
        int settled = 0;
        int batch;
        do {
            batch = aggregates.settleFoldedBefore(clock.instant().minus(retention), BATCH);
            settled += batch;
        } while (batch == BATCH);
        if (settled > 0) {
            log.info("settled {} events folded more than {} ago", settled, retention);
        }
    }
}
