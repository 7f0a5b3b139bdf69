package com.caseflow.evaluation.aggregates.application;

import com.caseflow.evaluation.aggregates.domain.Folding;
import com.caseflow.support.calendar.Calendars;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class FoldingConfiguration {

    /**
     * Days are counted in business time (Asia/Shanghai); resolution times in the calendar each case's deadlines are
     * counted in, from this service's copy of routing's calendars (cases from before calendars were named: the office
     * calendar). A calendar not received yet holds the record back until it arrives.
     */
    @Bean
    Folding folding(Calendars calendars, Clock clock,
                    @Value("${caseflow.evaluation.legacy-calendar:CN-OFFICE}") String legacyCalendar) {
        return new Folding(clock.getZone(), (calendarId, from, to) ->
                calendars.get(calendarId == null ? legacyCalendar : calendarId).between(from, to));
    }
}
