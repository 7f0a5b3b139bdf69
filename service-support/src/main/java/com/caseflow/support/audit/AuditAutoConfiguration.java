package com.caseflow.support.audit;

import com.caseflow.support.security.ServiceSecurityAutoConfiguration;
import com.caseflow.support.security.StaffRateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;

/** The access audit of a service that serves customers' records ({@code caseflow.audit.customer-key} set). */
@AutoConfiguration(after = ServiceSecurityAutoConfiguration.class)
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnProperty(prefix = "caseflow.audit", name = "customer-key")
public class AuditAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AccessAudit accessAudit(MongoTemplate mongo, Clock clock, @Value("${caseflow.audit.customer-key}") String key) {
        return new AccessAudit(mongo, clock, key);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(StaffRateLimiter.class)
    CustomerReads customerReads(AccessAudit audit, StaffRateLimiter rateLimit) {
        return new CustomerReads(audit, rateLimit);
    }
}
