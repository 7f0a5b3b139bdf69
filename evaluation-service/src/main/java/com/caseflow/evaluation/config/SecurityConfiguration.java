package com.caseflow.evaluation.config;

import com.caseflow.support.security.Roles;
import com.caseflow.support.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who may call what; whose figures a caller may read is decided next to the figures, in {@code KpiReports}. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ServiceSecurity service) throws Exception {
        return service.apply(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/agents/*")
                        .hasAnyRole(Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/departments/*")
                        .hasAnyRole(Roles.DEPARTMENT_STAFF, Roles.SUPERVISOR, Roles.MANAGER)
                        .anyRequest().denyAll())
                .build();
    }
}
