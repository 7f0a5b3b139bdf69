package com.caseflow.routing.config;

import com.caseflow.routing.departments.domain.Department;
import com.caseflow.support.security.Roles;
import com.caseflow.support.security.ServiceSecurity;
import com.caseflow.support.security.Staff;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call what. Case-level scoping (department staff see and work their own department's cases only) is
 * enforced next to the cases, in {@code CaseWork}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ServiceSecurity service) throws Exception {
        return service.apply(http)
                .authorizeHttpRequests(requests -> requests
                        // a caller's cases: whoever answers customers on the line, and customer service's staff
                        .requestMatchers(HttpMethod.GET, "/api/v1/cases").access(AuthorizationManagers.anyOf(
                                AuthorityAuthorizationManager.hasAnyRole(Roles.AGENT, Roles.SUPERVISOR,
                                        Roles.MANAGER, Roles.ADMIN), staffOf(Department.CUSTOMER_SERVICE)))
                        .requestMatchers(HttpMethod.GET, "/api/v1/departments/*/cases", "/api/v1/cases/*",
                                "/api/v1/cases/*/history")
                        .hasAnyRole(Roles.DEPARTMENT_STAFF, Roles.SUPERVISOR, Roles.MANAGER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases/*/accept", "/api/v1/cases/*/notes",
                                "/api/v1/cases/*/transfer", "/api/v1/cases/*/resolve")
                        .hasRole(Roles.DEPARTMENT_STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/v1/departments", "/api/v1/departments/*",
                                "/api/v1/departments/*/on-duty", "/api/v1/departments/*/on-duty/now",
                                "/api/v1/calendars", "/api/v1/calendars/*", "/api/v1/calendars/*/versions",
                                "/api/v1/calendars/*/versions/*")
                        .authenticated()
                        // the head of the department, checked next to the roster, or an administrator
                        .requestMatchers(HttpMethod.PUT, "/api/v1/departments/*/on-duty")
                        .hasAnyRole(Roles.DEPARTMENT_STAFF, Roles.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/calendars/*", "/api/v1/calendars/*/years/*")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/departments/*").hasAnyRole(Roles.MANAGER, Roles.ADMIN)
                        // rules and the lexicon: administrators and managers edit them (issue 17), supervisors read
                        .requestMatchers(HttpMethod.POST, "/api/v1/routing-rules/dry-run")
                        .hasAnyRole(Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.AGENT)
                        .requestMatchers(HttpMethod.GET, "/api/v1/routing-rules/transfer-suggestions")
                        .hasAnyRole(Roles.MANAGER, Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/routing-rules", "/api/v1/routing-rules/versions",
                                "/api/v1/routing-rules/versions/*", "/api/v1/routing-lexicon",
                                "/api/v1/routing-lexicon/versions", "/api/v1/routing-lexicon/versions/*")
                        .hasAnyRole(Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/routing-rules", "/api/v1/routing-lexicon")
                        .hasAnyRole(Roles.ADMIN, Roles.MANAGER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/routing-lexicon/dry-run")
                        .hasAnyRole(Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR)
                        .anyRequest().denyAll())
                .build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> staffOf(String department) {
        return (authentication, request) -> new AuthorizationDecision(
                authentication.get() instanceof JwtAuthenticationToken token
                        && Staff.of(token).is(Roles.DEPARTMENT_STAFF)
                        && department.equals(Staff.of(token).department()));
    }
}
