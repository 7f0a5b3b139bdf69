package com.caseflow.routing.calendars.application;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.caseflow.routing.calendars.persistence.CalendarStore;
import com.caseflow.routing.departments.application.DepartmentRegistry;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
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

    private final Logger logger = (Logger) LoggerFactory.getLogger(CalendarBook.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T02:00:00Z"),
            ZoneId.of("Asia/Shanghai"));
    private final CalendarStore store = mock(CalendarStore.class);
    private final DepartmentRegistry departments = mock(DepartmentRegistry.class);
    private final CalendarBook book = new CalendarBook(store, departments, mock(Outbox.class),
            JsonMapper.builder().build(), clock);

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
        doReturn(List.of()).when(departments).all();
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
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

        assertThat(logged.list).hasSize(6);
        assertThat(logged.list.subList(0, 5)).allSatisfy(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getThrowableProxy()).as("no stack trace").isNull();
            assertThat(line.getFormattedMessage()).startsWith("Calendar reconciliation: store ");
        });
        assertThat(logged.list.get(5).getLevel()).isEqualTo(Level.INFO);
        assertThat(logged.list.get(5).getFormattedMessage())
                .isEqualTo("Calendar reconciliation: store reachable again after 5 failure(s) / 300 s");
    }

    @Test
    void whenTheReconciliationFailsWithABugThenItIsAnErrorWithItsStackTrace() {
        doThrow(new IllegalStateException("a bug")).when(store).all();

        book.reconcileRegularly();

        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
        });
    }
}
