package com.caseflow.followup.timers.application;

import com.caseflow.followup.timers.domain.FollowUpPlan;
import com.caseflow.followup.timers.domain.WorkingTime;
import com.caseflow.support.calendar.BusinessCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.Instant;

@Configuration(proxyBeanMethods = false)
class TimerConfiguration {

    @Bean
    WorkingTime workingTime(BusinessCalendar calendar) {
        return new WorkingTime() {
            @Override
            public Instant plus(Instant start, Duration workingTime) {
                return calendar.plus(start, workingTime);
            }

            @Override
            public Duration between(Instant from, Instant to) {
                return calendar.between(from, to);
            }
        };
    }

    @Bean
    FollowUpPlan followUpPlan(TimerProperties properties) {
        return new FollowUpPlan(properties.reminderShare(), properties.escalation());
    }
}
