package com.caseflow.followup.timers.application;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.caseflow.followup.publishing.FollowUpEvents;
import com.caseflow.followup.timers.persistence.FollowUpStore;
import com.caseflow.followup.worktime.WorkingTimes;
import com.caseflow.support.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** What the scheduled timer sweep logs while the store is away, and when it has come back. */
class TimerSweepOutageTests {

    private final Logger logger = (Logger) LoggerFactory.getLogger(TimerSweep.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T02:00:00Z"),
            ZoneId.of("Asia/Shanghai"));
    private final FollowUpStore store = mock(FollowUpStore.class);
    private final TimerSweep sweep = new TimerSweep(store, mock(FollowUpChanges.class), mock(FollowUpEvents.class),
            mock(WorkingTimes.class), new TimerProperties(0.75, List.of(), null, Duration.ofSeconds(30), 100, true,
            Duration.ofHours(1)), clock, new SimpleMeterRegistry());

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
    void whenTheStoreIsAwayForFifteenMinutesThenTheSweepLogsOneWarningASummaryAMinuteAndItsReturn() {
        when(store.due(any(), anyInt())).thenThrow(new DataAccessResourceFailureException("Timed out after 5000 ms "
                + "while waiting for a server that matches WritableServerSelector"));
        for (int run = 0; run < 30; run++) {
            sweep.scheduled();
            clock.advance(Duration.ofSeconds(30));
        }

        assertThat(logged.list).hasSize(15).allSatisfy(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getThrowableProxy()).as("no stack trace").isNull();
        });
        assertThat(logged.list.get(0).getFormattedMessage()).startsWith("Timer sweep: store unavailable "
                + "(org.springframework.dao.DataAccessResourceFailureException: Timed out after 5000 ms");
        assertThat(logged.list.get(1).getFormattedMessage())
                .startsWith("Timer sweep: store still unavailable after 60 s, 1 more failure(s) not logged");

        doReturn(List.of()).when(store).due(any(), anyInt());
        sweep.scheduled();
        sweep.scheduled();

        assertThat(logged.list).hasSize(16);
        assertThat(logged.list.get(15).getLevel()).isEqualTo(Level.INFO);
        assertThat(logged.list.get(15).getFormattedMessage())
                .isEqualTo("Timer sweep: store reachable again after 30 failure(s) / 900 s");
    }

    @Test
    void whenTheSweepFailsWithABugThenItIsAnErrorWithItsStackTrace() {
        when(store.due(any(), anyInt())).thenThrow(new IllegalStateException("a bug"));

        sweep.scheduled();

        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getFormattedMessage()).isEqualTo("Timer sweep failed");
            assertThat(line.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
        });
    }
}
