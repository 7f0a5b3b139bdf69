package com.caseflow.followup.timers.application;

import com.caseflow.support.testing.CapturedLog;
import org.junit.jupiter.api.extension.RegisterExtension;
import ch.qos.logback.classic.Level;
import com.caseflow.followup.publishing.FollowUpEvents;
import com.caseflow.followup.timers.persistence.FollowUpStore;
import com.caseflow.followup.worktime.WorkingTimes;
import com.caseflow.support.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
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

    @RegisterExtension
    final CapturedLog logged = CapturedLog.of(TimerSweep.class);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T02:00:00Z"),
            ZoneId.of("Asia/Shanghai"));
    private final FollowUpStore store = mock(FollowUpStore.class);
    private final TimerSweep sweep = new TimerSweep(store, mock(FollowUpChanges.class), mock(FollowUpEvents.class),
            mock(WorkingTimes.class), new TimerProperties(0.75, List.of(), null, Duration.ofSeconds(30), 100, true,
            Duration.ofHours(1)), clock, new SimpleMeterRegistry());

    @Test
    void whenTheStoreIsAwayForFifteenMinutesThenTheSweepLogsOneWarningASummaryAMinuteAndItsReturn() {
        when(store.due(any(), anyInt())).thenThrow(new DataAccessResourceFailureException("Timed out after 5000 ms "
                + "while waiting for a server that matches WritableServerSelector"));
        for (int run = 0; run < 30; run++) {
            sweep.scheduled();
            clock.advance(Duration.ofSeconds(30));
        }

        assertThat(logged.lines()).hasSize(15);
        logged.assertOutage(0, "Timer sweep: store unavailable "
                + "(org.springframework.dao.DataAccessResourceFailureException: Timed out after 5000 ms");
        for (int line = 1; line < 15; line++) {
            logged.assertOutage(line, "Timer sweep: store still unavailable after " + 60 * line + " s, 1 more "
                    + "failure(s) not logged");
        }

        doReturn(List.of()).when(store).due(any(), anyInt());
        sweep.scheduled();
        sweep.scheduled();

        assertThat(logged.lines()).hasSize(16);
        logged.assertBack(15, "Timer sweep: store reachable again after 30 failure(s) / 900 s");
    }

    @Test
    void whenTheSweepFailsWithABugThenItIsAnErrorWithItsStackTrace() {
        when(store.due(any(), anyInt())).thenThrow(new IllegalStateException("a bug"));

        sweep.scheduled();

        logged.assertOnlyLineWithStackTrace(Level.ERROR, IllegalStateException.class);
        assertThat(logged.lines().get(0).getFormattedMessage()).isEqualTo("Timer sweep failed");
    }
}
