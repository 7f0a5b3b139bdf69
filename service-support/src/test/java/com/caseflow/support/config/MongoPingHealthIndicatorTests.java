package com.caseflow.support.config;

import com.caseflow.support.testing.CapturedLog;
import org.junit.jupiter.api.extension.RegisterExtension;
import ch.qos.logback.classic.Level;
import com.caseflow.support.testing.MutableClock;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
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

    @RegisterExtension
    final CapturedLog logged = CapturedLog.of(MongoPingHealthIndicator.class);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T02:00:00Z"),
            ZoneId.of("Asia/Shanghai"));
    private final MongoTemplate mongo = mock(MongoTemplate.class);
    private final MongoPingHealthIndicator health = new MongoPingHealthIndicator(mongo, clock);

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
        assertThat(logged.lines()).hasSize(2);
        logged.assertOutage(0, "Health check (MongoDB ping): store unavailable");
        logged.assertBack(1, "Health check (MongoDB ping): store reachable again after 20 failure(s) / 40 s");
    }

    @Test
    void whenThePingFailsForAnotherReasonThenItIsDownAndLoggedWithItsStackTraceAsBoot() {
        doThrow(new IllegalStateException("a bug")).when(mongo).executeCommand(any(Document.class));

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        logged.assertOnlyLineWithStackTrace(Level.WARN, IllegalStateException.class);
        assertThat(logged.lines().get(0).getFormattedMessage()).isEqualTo("MongoDB ping failed");
    }
}
