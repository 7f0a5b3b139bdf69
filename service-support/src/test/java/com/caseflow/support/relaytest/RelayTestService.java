package com.caseflow.support.relaytest;

import com.caseflow.support.security.ServiceSecurity;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Duration;

/** A service with an outbox and nothing else, in a package of its own: the support classes are not scanned. */
@SpringBootApplication
public class RelayTestService {

    public static final String COLLECTION = "things";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ServiceSecurity service) throws Exception {
        return service.apply(http).authorizeHttpRequests(requests -> requests.anyRequest().denyAll()).build();
    }

    /** The services' breaker settings (their application.yml): a few failures open it. */
    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry() {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        registry.circuitBreaker("kafka", CircuitBreakerConfig.custom().slidingWindowSize(10).minimumNumberOfCalls(3)
                .failureRateThreshold(50).waitDurationInOpenState(Duration.ofSeconds(5))
                .permittedNumberOfCallsInHalfOpenState(1).build());
        return registry;
    }
}
