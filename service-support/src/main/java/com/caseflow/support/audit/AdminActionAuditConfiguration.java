package com.caseflow.support.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;

/** The one {@link AdminActionAudit} of the ADMIN APIs service-support adds (outbox, dead letters), whichever are on. */
@Configuration(proxyBeanMethods = false)
public class AdminActionAuditConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AdminActionAudit adminActionAudit(MongoTemplate mongo, Clock clock) {
        return new AdminActionAudit(mongo, clock);
    }
}
