package com.caseflow.evaluation.evaluations.application;

import com.caseflow.evaluation.evaluations.domain.Period;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * Evaluates the week and the month just ended, early in the morning after (Asia/Shanghai): late events of the last
 * evening have been folded by then. Every instance runs it; the store lets each evaluation through once.
 */
@Component
@ConditionalOnProperty(name = "caseflow.evaluation.schedule.enabled", havingValue = "true", matchIfMissing = true)
class EvaluationSchedule {

    static final String BY = "schedule";

    private final Evaluations evaluations;
    private final Clock clock;
    private final ZoneId zone;

    EvaluationSchedule(Evaluations evaluations, Clock clock,
                       @org.springframework.beans.factory.annotation.Value("${caseflow.time-zone}") String zone) {
        this.evaluations = evaluations;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Scheduled(cron = "${caseflow.evaluation.schedule.weekly}", zone = "${caseflow.time-zone}")
    void lastWeek() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        evaluations.run(Period.Type.WEEK, today.with(TemporalAdjusters.previous(DayOfWeek.MONDAY)), BY);
    }

    @Scheduled(cron = "${caseflow.evaluation.schedule.monthly}", zone = "${caseflow.time-zone}")
    void lastMonth() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        evaluations.run(Period.Type.MONTH, today.minusMonths(1).withDayOfMonth(1), BY);
    }
}
