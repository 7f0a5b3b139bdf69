package com.caseflow.support.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.ZoneId;

@AutoConfiguration
public class ClockAutoConfiguration {

    /** Business time: a time without an offset is read in this zone, business hours and reports use it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${caseflow.time-zone:Asia/Shanghai}") ZoneId zone) {
        return Clock.system(zone);
    }
}
