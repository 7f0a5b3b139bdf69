package com.caseflow.support.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.caseflow.support.testing.MutableClock;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

/** Health says DOWN at every probe while the store is away, as before; the log says it once. */
class MongoPingHealthIndicatorTests {

    private final Logger logger = (Logger) LoggerFactory.getLogger(MongoPingHealthIndicator.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T02:00:00Z"),
            ZoneId.of("Asia/Shanghai"));
    private final MongoTemplate mongo = mock(MongoTemplate.class);
    private final MongoPingHealthIndicator health = new MongoPingHealthIndicator(mongo, clock);

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
    void whenTheStoreIsAwayThenEveryProbeIsDownWithTheErrorAndTheLogHasOneLineThenItsReturn() {
        DataAccessResourceFailureException away = new DataAccessResourceFailureException("Timeout while receiving "
                + "message");
        doThrow(away).when(mongo).executeCommand(any(Document.class));
        for (int probe = 0; probe < 20; probe++) {
            Health answer = health.health();
            assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
            assertThat(answer.getDetails()).isEqualTo(Map.of("error",
                    DataAccessResourceFailureException.class.getName() + ": Timeout while receiving message"));
            clock.advance(Duration.ofSeconds(2));
        }
        MongoDatabase database = mock(MongoDatabase.class);
        doReturn("caseflow").when(database).getName();
        doReturn(database).when(mongo).getDb();
        doReturn(new Document("ok", 1.0)).when(mongo).executeCommand(any(Document.class));

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(logged.list).hasSize(2);
        assertThat(logged.list.get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(logged.list.get(0).getThrowableProxy()).as("no stack trace").isNull();
        assertThat(logged.list.get(1).getFormattedMessage())
                .isEqualTo("Health check (MongoDB ping): store reachable again after 20 failure(s) / 40 s");
    }

    @Test
    void whenThePingFailsForAnotherReasonThenItIsDownAndLoggedWithItsStackTraceAsBoot() {
        doThrow(new IllegalStateException("a bug")).when(mongo).executeCommand(any(Document.class));

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage()).isEqualTo("MongoDB ping failed");
            assertThat(line.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
        });
    }
}
