package com.caseflow.evaluation.evaluations.application;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.caseflow.support.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
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

    private final Logger logger = (Logger) LoggerFactory.getLogger(EvaluationSchedule.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T22:00:00Z"),
            ZoneId.of("Asia/Shanghai"));
    private final Evaluations evaluations = mock(Evaluations.class);
    private final EvaluationSchedule schedule = new EvaluationSchedule(evaluations, clock);

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    @Test
    void whenTheStoreIsAwayThenTheRunIsOneWarningWithoutStackTraceAndTheNextGoodRunSaysItIsBack() {
        doThrow(new DataAccessResourceFailureException("Timeout while receiving message"))
                .when(evaluations).run(any(), any(), any());
        schedule.weeks();
        clock.advance(Duration.ofMinutes(10));
        doReturn(null).when(evaluations).run(any(), any(), any());
        schedule.catchUp();

        assertThat(logged.list).hasSize(2);
        assertThat(logged.list.get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(logged.list.get(0).getThrowableProxy()).as("no stack trace").isNull();
        assertThat(logged.list.get(0).getFormattedMessage()).startsWith("Evaluation schedule: store unavailable "
                + "(org.springframework.dao.DataAccessResourceFailureException: Timeout while receiving message)");
        assertThat(logged.list.get(1).getLevel()).isEqualTo(Level.INFO);
        assertThat(logged.list.get(1).getFormattedMessage())
                .isEqualTo("Evaluation schedule: store reachable again after 1 failure(s) / 600 s");
    }

    @Test
    void whenARunFailsWithABugThenItIsAnErrorWithItsStackTrace() {
        doThrow(new NullPointerException("a bug")).when(evaluations).run(any(), any(), any());

        schedule.months();

        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getThrowableProxy().getClassName()).isEqualTo(NullPointerException.class.getName());
        });
    }
}
