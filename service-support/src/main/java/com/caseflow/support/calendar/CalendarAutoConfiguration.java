package com.caseflow.support.calendar;

import com.caseflow.events.EventTypes;
import com.caseflow.events.calendar.CalendarPublished;
import com.caseflow.support.consumer.EnvelopeReader;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * A service that times work in routing's calendars ({@code caseflow.calendars.copy=true}) keeps a copy from the topic
 * {@code calendars}: bind {@code copyCalendar-in-0} to it and name {@code copyCalendar} in the function definition.
 * Every service with calendars ({@link Calendars} bean) shows their coverage in health.
 */
@AutoConfiguration(after = {DataMongoAutoConfiguration.class,
        com.caseflow.support.consumer.ConsumerAutoConfiguration.class})
public class CalendarAutoConfiguration {

    @Bean
    @ConditionalOnProperty(name = "caseflow.calendars.copy", havingValue = "true")
    @ConditionalOnBean(MongoTemplate.class)
    CalendarReplica calendarReplica(MongoTemplate mongo, Clock clock) {
        return new CalendarReplica(mongo, clock.getZone());
    }

    @Bean
    @ConditionalOnBean(CalendarReplica.class)
    @ConditionalOnClass(name = "org.springframework.cloud.function.cloudevent.CloudEventMessageUtils")
    Consumer<Message<byte[]>> copyCalendar(CalendarReplica replica, EnvelopeReader reader) {
        return message -> {
            if (EventTypes.CALENDAR_PUBLISHED.equals(reader.type(message))) {
                replica.apply(reader.read(message, CalendarPublished.class));
            }
        };
    }

    @Bean
    @ConditionalOnBean(Calendars.class)
    CalendarCoverage calendarCoverage(Calendars calendars, Clock clock, MeterRegistry meters,
                                      @Value("${caseflow.calendars.warn-days:90}") int warnDays) {
        return new CalendarCoverage(calendars, clock, warnDays, meters);
    }
}
