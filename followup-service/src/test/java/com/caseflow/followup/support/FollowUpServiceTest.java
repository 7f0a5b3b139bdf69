package com.caseflow.followup.support;

import com.caseflow.support.testing.DemoCalendars;
import com.caseflow.support.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole follow-up service on a real Kafka broker (KRaft, in the test JVM), the embedded MongoDB-wire server and a
 * real HTTP gateway, with a clock the tests move. Timers and deliveries run when a test says so, not on a schedule.
 * Test classes with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = {TestInfrastructure.class, TestGateway.Initializer.class,
        TestSmsGateway.Initializer.class, TestRobots.Initializer.class})
@Import({TestClock.class, DemoCalendars.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "caseflow.followup.timers.sweep=false",
        "caseflow.followup.notifications.dispatch=false",
        "caseflow.sms.dispatch=false",
        "caseflow.followup.notifications.secret=test-signing-secret",
        "caseflow.outbox.sweep-interval=500ms",
        "caseflow.missed-calls.sweep=false",
        // a robot's 20 messages per period, with a period no test outlasts (application.yml: 1m)
        "resilience4j.ratelimiter.configs.robot.limit-refresh-period=1h"})
@EmbeddedKafka(partitions = 3, topics = {"contacts", "contacts.dlq", "cases", "cases.dlq", "followups", "followups.dlq",
        "calendars", "calendars.dlq", "calls", "calls.dlq"},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public @interface FollowUpServiceTest {
}
