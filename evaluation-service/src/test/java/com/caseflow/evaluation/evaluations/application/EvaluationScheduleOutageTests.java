package com.caseflow.evaluation.evaluations.application;

import com.caseflow.support.testing.CapturedLog;
import org.junit.jupiter.api.extension.RegisterExtension;
import ch.qos.logback.classic.Level;
import com.caseflow.support.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

/** A scheduled evaluation that meets the store away is one line naming the cause, not the scheduler's stack trace. */
class EvaluationScheduleOutageTests {

    @RegisterExtension
    final CapturedLog logged = CapturedLog.of(EvaluationSchedule.class);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T22:00:00Z"),
            ZoneId.of("Asia/Shanghai"));
    private final Evaluations evaluations = mock(Evaluations.class);
    private final EvaluationSchedule schedule = new EvaluationSchedule(evaluations, clock);

    @Test
    void whenTheStoreIsAwayThenTheRunIsOneWarningWithoutStackTraceAndTheNextGoodRunSaysItIsBack() {
        doThrow(new DataAccessResourceFailureException("Timeout while receiving message"))
                .when(evaluations).run(any(), any(), any());
        schedule.weeks();
        clock.advance(Duration.ofMinutes(10));
        doReturn(null).when(evaluations).run(any(), any(), any());
        schedule.catchUp();

        assertThat(logged.lines()).hasSize(2);
        logged.assertOutage(0, "Evaluation schedule: store unavailable "
                + "(org.springframework.dao.DataAccessResourceFailureException: Timeout while receiving message)");
        logged.assertBack(1, "Evaluation schedule: store reachable again after 1 failure(s) / 600 s");
    }

    @Test
    void whenARunFailsWithABugThenItIsAnErrorWithItsStackTrace() {
        doThrow(new NullPointerException("a bug")).when(evaluations).run(any(), any(), any());

        schedule.months();

        logged.assertOnlyLineWithStackTrace(Level.ERROR, NullPointerException.class);
    }
}
