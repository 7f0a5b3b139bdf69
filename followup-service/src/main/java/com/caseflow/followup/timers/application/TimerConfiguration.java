package com.caseflow.followup.timers.application;

import com.caseflow.followup.timers.domain.FollowUpPlan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimerConfiguration {

    @Bean
    FollowUpPlan followUpPlan(TimerProperties properties) {
        return new FollowUpPlan(properties.reminderShare(), properties.escalation(),
                properties.escalationByPriority());
    }
}
