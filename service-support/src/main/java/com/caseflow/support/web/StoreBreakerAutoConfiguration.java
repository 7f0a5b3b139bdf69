package com.caseflow.support.web;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.github.resilience4j.retry.RetryConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The store's circuit breaker in front of the API ({@link StoreBreaker}), for every service with a store and
 * Resilience4j's registry. Its settings are the service's {@code resilience4j.circuitbreaker.instances.mongo.*};
 * Resilience4j's metrics show it as {@code resilience4j.circuitbreaker.*{name="mongo"}}.
 */
@AutoConfiguration(afterName = {
        "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({CircuitBreakerRegistry.class, MongoTemplate.class})
@ConditionalOnBean({CircuitBreakerRegistry.class, MongoTemplate.class})
public class StoreBreakerAutoConfiguration {

    /** The API only: actuator's health and readiness keep asking the store itself. */
    static final String API = "/api/**";

    @Bean
    StoreBreaker storeBreaker(CircuitBreakerRegistry breakers, ObjectProvider<ProblemHandler> problems) {
        ProblemHandler handler = problems.getIfAvailable();
        return new StoreBreaker(breakers.circuitBreaker(ProblemHandler.STORE_BREAKER),
                handler == null ? () -> { } : handler::storeAnswered);
    }

    @Bean
    WebMvcConfigurer storeBreakerOnTheApi(StoreBreaker breaker) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(breaker).addPathPatterns(API);
            }
        };
    }

    /** The store's retry ({@code @Retry(name = "mongo")}) gives up once the breaker stands open. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({RetryConfigCustomizer.class, RetryConfig.class})
    static class StoreRetry {

        @Bean
        RetryConfigCustomizer storeRetryStopsAtTheBreaker(StoreBreaker breaker) {
            return RetryConfigCustomizer.of(ProblemHandler.STORE_BREAKER, builder -> {
                // what the service's configuration retries (retry-exceptions less ignore-exceptions), and no more
                var configured = builder.build().getExceptionPredicate();
                builder.retryExceptions().ignoreExceptions().retryOnException(breaker.retryable(configured));
            });
        }
    }
}
