package com.caseflow.evaluation.evaluations.application;

import com.caseflow.evaluation.evaluations.domain.Period;
import com.caseflow.support.logging.OutageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * Evaluates the week and the month just ended early the next morning (Asia/Shanghai), and the one before them again:
 * reviewers score a week's spot-checks during the following week, and a check counts in the period of the contact it
 * reviewed, so the second run publishes the revisions they cause (only what changed is published). Every instance
 * runs it; the store lets each evaluation through once. After a start, once the consumers had time to catch up with
 * the events, the last week and month are evaluated again: a period missed while every instance was down, a run that
 * stopped halfway or a provisional result is made final (only changes are published).
 */
@Component
@ConditionalOnProperty(name = "caseflow.evaluation.schedule.enabled", havingValue = "true", matchIfMissing = true)
class EvaluationSchedule {

    static final String BY = "schedule";
    private static final Logger log = LoggerFactory.getLogger(EvaluationSchedule.class);

    private final Evaluations evaluations;
    private final Clock clock;
    private final ZoneId zone;
    /** A run that meets the store away is one line naming the cause, not the scheduler's stack trace. */
    private final OutageLog storeOutage;

    EvaluationSchedule(Evaluations evaluations, Clock clock) {
        this.evaluations = evaluations;
        this.clock = clock;
        this.zone = clock.getZone();
        this.storeOutage = new OutageLog(log, "Evaluation schedule", clock);
    }

    @Scheduled(cron = "${caseflow.evaluation.schedule.weekly}", zone = "${caseflow.time-zone:Asia/Shanghai}")
    void weeks() {
        LocalDate lastMonday = lastMonday();
        evaluate(() -> {
            evaluations.run(Period.Type.WEEK, lastMonday, BY);
            evaluations.run(Period.Type.WEEK, lastMonday.minusWeeks(1), BY);
        });
    }

    @Scheduled(cron = "${caseflow.evaluation.schedule.monthly}", zone = "${caseflow.time-zone:Asia/Shanghai}")
    void months() {
        LocalDate lastMonth = today().minusMonths(1).withDayOfMonth(1);
        evaluate(() -> {
            evaluations.run(Period.Type.MONTH, lastMonth, BY);
            evaluations.run(Period.Type.MONTH, lastMonth.minusMonths(1), BY);
        });
    }

    @Scheduled(initialDelayString = "${caseflow.evaluation.schedule.catch-up-after}", fixedDelay = Long.MAX_VALUE)
    void catchUp() {
        evaluate(() -> {
            evaluations.run(Period.Type.WEEK, lastMonday(), BY);
            evaluations.run(Period.Type.MONTH, today().minusMonths(1).withDayOfMonth(1), BY);
        });
    }

    private void evaluate(Runnable runs) {
        try {
            runs.run();
            storeOutage.succeeded();
        } catch (RuntimeException e) {
            storeOutage.failed(e);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private LocalDate lastMonday() {
        return today().with(TemporalAdjusters.previous(DayOfWeek.MONDAY));
    }
}
