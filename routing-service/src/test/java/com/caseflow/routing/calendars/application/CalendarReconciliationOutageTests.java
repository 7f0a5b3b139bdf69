package com.caseflow.routing.calendars.application;

import com.caseflow.support.testing.CapturedLog;
import org.junit.jupiter.api.extension.RegisterExtension;
import ch.qos.logback.classic.Level;
import com.caseflow.routing.calendars.persistence.CalendarStore;
import com.caseflow.routing.departments.application.DepartmentRegistry;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

/** The calendar reconciliation, every minute: the store away is a line, not the scheduler's stack trace. */
class CalendarReconciliationOutageTests {

    @RegisterExtension
    final CapturedLog logged = CapturedLog.of(CalendarBook.class);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T02:00:00Z"),
            ZoneId.of("Asia/Shanghai"));
    private final CalendarStore store = mock(CalendarStore.class);
    private final DepartmentRegistry departments = mock(DepartmentRegistry.class);
    private final CalendarBook book = new CalendarBook(store, departments, mock(Outbox.class),
            JsonMapper.builder().build(), clock);

    @BeforeEach
    void noDepartments() {
        doReturn(List.of()).when(departments).all();
    }

    @Test
    void whenTheStoreIsAwayThenEachRunIsOneLineWithoutStackTraceAndItsReturnIsOneLine() {
        doThrow(new DataAccessResourceFailureException("Timeout while receiving message")).when(store).all();
        for (int run = 0; run < 5; run++) {
            book.reconcileRegularly();
            clock.advance(Duration.ofMinutes(1));
        }
        doReturn(List.of()).when(store).all();
        book.reconcileRegularly();
        book.reconcileRegularly();

        assertThat(logged.lines()).hasSize(6);
        for (int line = 0; line < 5; line++) {
            logged.assertOutage(line, "Calendar reconciliation: store ");
        }
        logged.assertBack(5, "Calendar reconciliation: store reachable again after 5 failure(s) / 300 s");
    }

    @Test
    void whenTheReconciliationFailsWithABugThenItIsAnErrorWithItsStackTrace() {
        doThrow(new IllegalStateException("a bug")).when(store).all();

        book.reconcileRegularly();

        logged.assertOnlyLineWithStackTrace(Level.ERROR, IllegalStateException.class);
    }
}
