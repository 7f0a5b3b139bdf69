package com.caseflow.routing.support;

import com.caseflow.support.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole routing service on a real Kafka broker (KRaft, in the test JVM) and the embedded MongoDB-wire server,
 * with the demo departments and rules. Test classes with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = TestInfrastructure.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "caseflow.routing.demo-data=true",
        "caseflow.routing.cases.max-contacts-per-case=4",
        "caseflow.routing.cases.max-transfers-per-case=6",
        "caseflow.outbox.sweep-interval=500ms"})
@EmbeddedKafka(partitions = 3, topics = {"contacts", "contacts.dlq", "cases", "followups", "followups.dlq", "calendars"},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public @interface RoutingServiceTest {
}
