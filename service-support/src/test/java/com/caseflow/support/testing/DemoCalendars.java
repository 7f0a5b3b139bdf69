package com.caseflow.support.testing;

import com.caseflow.support.calendar.CalendarReplica;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * Routing's demo calendars on the test broker's {@code calendars} topic, published once a service that keeps a copy
 * is up, as routing publishes them; the tests start when the service's copy holds them: {@code @Import}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DemoCalendars {

    @Bean
    ApplicationListener<ApplicationReadyEvent> publishDemoCalendars() {
        return ready -> {
            String brokers = ready.getApplicationContext().getEnvironment()
                    .getRequiredProperty("spring.kafka.bootstrap-servers");
            try (EventLog log = new EventLog(brokers)) {
                TestCalendars.publishDemo(log);
            }
            CalendarReplica replica = ready.getApplicationContext().getBean(CalendarReplica.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> replica.find(TestCalendars.OFFICE).isPresent()
                    && replica.find(TestCalendars.HOTLINE).isPresent()
                    && replica.ofDepartment("CUSTOMER_SERVICE").isPresent());
        };
    }
}
