package com.caseflow.intake.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Business time: a time without an offset is read in this zone, business hours and reports use it. */
    @Bean
    Clock clock(@Value("${caseflow.time-zone:Asia/Shanghai}") ZoneId zone) {
        return Clock.system(zone);
    }
}
