package com.caseflow.evaluation.config;

import com.caseflow.support.security.Roles;
import com.caseflow.support.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Whose figures a caller may read (an agent their own, a supervisor their team, department staff
 * their department) is decided next to the figures.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ServiceSecurity service) throws Exception {
        return service.apply(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/agents", "/api/v1/reports/departments",
                                "/api/v1/reports/hotlines", "/api/v1/reports/daily")
                        .hasAnyRole(Roles.SUPERVISOR, Roles.MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/agents/*")
                        .hasAnyRole(Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/departments/*")
                        .hasAnyRole(Roles.DEPARTMENT_STAFF, Roles.SUPERVISOR, Roles.MANAGER)
                        .requestMatchers("/api/v1/spot-checks/samples", "/api/v1/spot-checks/samples/*")
                        .hasAnyRole(Roles.SUPERVISOR, Roles.MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/spot-checks/scorecard")
                        .hasAnyRole(Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/spot-checks", "/api/v1/spot-checks/*")
                        .hasAnyRole(Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER)
                        .requestMatchers("/api/v1/spot-checks/**")
                        .hasAnyRole(Roles.SUPERVISOR, Roles.MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/evaluations", "/api/v1/evaluations/*")
                        .hasAnyRole(Roles.AGENT, Roles.DEPARTMENT_STAFF, Roles.SUPERVISOR, Roles.MANAGER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/evaluations")
                        .hasRole(Roles.MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/issues/**")
                        .hasAnyRole(Roles.AGENT, Roles.DEPARTMENT_STAFF, Roles.SUPERVISOR, Roles.MANAGER)
                        .requestMatchers("/api/v1/issues/proposals", "/api/v1/issues/proposals/*")
                        .hasAnyRole(Roles.SUPERVISOR, Roles.MANAGER)
                        // whose training a caller may read or complete is decided next to the assignments
                        .requestMatchers(HttpMethod.GET, "/api/v1/training/assignments",
                                "/api/v1/training/assignments/*")
                        .hasAnyRole(Roles.AGENT, Roles.DEPARTMENT_STAFF, Roles.SUPERVISOR, Roles.MANAGER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/training/assignments/*/completion")
                        .hasAnyRole(Roles.AGENT, Roles.DEPARTMENT_STAFF, Roles.SUPERVISOR, Roles.MANAGER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/evaluations/*/decision")
                        .hasRole(Roles.MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/teams", "/api/v1/teams/*")
                        .hasAnyRole(Roles.MANAGER, Roles.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/teams/*")
                        .hasRole(Roles.ADMIN)
                        .anyRequest().denyAll())
                .build();
    }
}
