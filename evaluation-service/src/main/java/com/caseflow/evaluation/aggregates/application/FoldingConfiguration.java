package com.caseflow.evaluation.aggregates.application;

import com.caseflow.evaluation.aggregates.domain.Folding;
import com.caseflow.support.calendar.BusinessCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FoldingConfiguration {

    /** Days and resolution times are counted in the departments' business calendar. */
    @Bean
    Folding folding(BusinessCalendar calendar) {
        return new Folding(calendar.zone(), calendar::between);
    }
}
