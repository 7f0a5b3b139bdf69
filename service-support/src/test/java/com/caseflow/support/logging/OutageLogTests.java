package com.caseflow.support.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.caseflow.support.testing.MutableClock;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.ServerAddress;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class OutageLogTests {

    private final Logger logger = (Logger) LoggerFactory.getLogger(OutageLogTests.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T02:00:00Z"),
            ZoneId.of("Asia/Shanghai"));
    private final OutageLog outage = new OutageLog(logger, "Timer sweep", clock);

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        logger.setLevel(null);
    }

    @Test
    void whenTheStoreFailsEveryRunThenOneWarningWithoutStackTraceASummaryAMinuteThenOneRecoveryLine() {
        for (int run = 0; run < 30; run++) {
            // a sweep every 20 s for ten minutes, and a request now and then in between
            outage.failed(storeTimeout());
            clock.advance(Duration.ofSeconds(20));
        }

        assertThat(lines.list).allSatisfy(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getThrowableProxy()).as("no stack trace").isNull();
        });
        assertThat(lines.list.get(0).getFormattedMessage()).isEqualTo("Timer sweep: store unavailable ("
                + "com.mongodb.MongoSocketReadTimeoutException: Timeout while receiving message); repeats are "
                + "summarised at most every 60 s until it answers again");
        assertThat(lines.list).as("the first line, then one a minute").hasSize(10);
        assertThat(lines.list.get(1).getFormattedMessage()).isEqualTo("Timer sweep: store still unavailable after "
                + "60 s, 2 more failure(s) not logged (com.mongodb.MongoSocketReadTimeoutException: Timeout while "
                + "receiving message)");

        outage.succeeded();
        outage.succeeded();

        assertThat(lines.list).hasSize(11);
        ILoggingEvent recovered = lines.list.get(10);
        assertThat(recovered.getLevel()).isEqualTo(Level.INFO);
        assertThat(recovered.getFormattedMessage())
                .isEqualTo("Timer sweep: store reachable again after 30 failure(s) / 600 s");
    }

    @Test
    void whenTheStoreFailsAgainAfterItCameBackThenTheNewOutageHasItsOwnFirstLine() {
        outage.failed(storeTimeout());
        outage.failed(storeTimeout());
        clock.advance(Duration.ofSeconds(5));
        outage.succeeded();
        outage.failed(breakerOpen("mongo"));

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Timer sweep: store unavailable (com.mongodb.MongoSocketReadTimeoutException: Timeout while "
                        + "receiving message); repeats are summarised at most every 60 s until it answers again",
                "Timer sweep: store reachable again after 2 failure(s) / 5 s",
                "Timer sweep: store unavailable (io.github.resilience4j.circuitbreaker.CallNotPermittedException: "
                        + "CircuitBreaker 'mongo' is OPEN and does not permit further calls); repeats are summarised "
                        + "at most every 60 s until it answers again");
    }

    @Test
    void whenAFailureIsNotTheStoreAwayThenItKeepsItsErrorAndStackTraceEveryTime() {
        outage.failed(storeTimeout());
        NullPointerException bug = new NullPointerException("a bug");
        outage.failed(bug);
        outage.failed(bug);

        assertThat(lines.list).hasSize(3);
        assertThat(lines.list.subList(1, 3)).allSatisfy(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getFormattedMessage()).isEqualTo("Timer sweep failed");
            assertThat(line.getThrowableProxy().getClassName()).isEqualTo(NullPointerException.class.getName());
            assertThat(line.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        });
    }

    @Test
    void whenTheFailureIsARaceOrAnotherBreakerThenItIsNotTheStoreAway() {
        assertThat(OutageLog.storeAway(storeTimeout())).isTrue();
        assertThat(OutageLog.storeAway(new IllegalStateException("wrapped", storeTimeout()))).isTrue();
        assertThat(OutageLog.storeAway(new OptimisticLockingFailureException("changed meanwhile"))).isFalse();
        assertThat(OutageLog.storeAway(breakerOpen("sms"))).isFalse();
        assertThat(OutageLog.storeAway(new IOException("disk"))).isFalse();

        assertThat(outage.storeFailed(new OptimisticLockingFailureException("changed meanwhile"))).isFalse();
        assertThat(lines.list).as("left to the caller").isEmpty();
    }

    private static RuntimeException storeTimeout() {
        return new DataAccessResourceFailureException("Timeout while receiving message",
                new MongoSocketReadTimeoutException("Timeout while receiving message", new ServerAddress(),
                        new java.net.SocketTimeoutException("Read timed out")));
    }

    private static CallNotPermittedException breakerOpen(String name) {
        CircuitBreaker breaker = CircuitBreaker.ofDefaults(name);
        breaker.transitionToOpenState();
        return CallNotPermittedException.createCallNotPermittedException(breaker);
    }
}
