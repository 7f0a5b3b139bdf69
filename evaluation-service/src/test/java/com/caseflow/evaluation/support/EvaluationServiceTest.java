package com.caseflow.evaluation.support;

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
 * The whole evaluation service on a real Kafka broker (KRaft, in the test JVM) and the embedded MongoDB-wire server.
 * Test classes with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = TestInfrastructure.class)
@Import(DemoCalendars.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "caseflow.evaluation.schedule.enabled=false", "caseflow.evaluation.spot-checks.schedule.enabled=false"})
@EmbeddedKafka(partitions = 3, topics = {"contacts", "contacts.dlq", "calls", "calls.dlq", "cases", "cases.dlq", "followups",
        "followups.dlq", "evaluations", "evaluations.dlq", "calendars", "calendars.dlq"},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public @interface EvaluationServiceTest {
}
