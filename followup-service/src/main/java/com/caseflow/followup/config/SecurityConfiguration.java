package com.caseflow.followup.config;

import com.caseflow.support.security.Roles;
import com.caseflow.support.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Finer scoping — department staff see their own department's cases, only customer service
 * works the callback queue — is enforced next to the data, in the application services.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ServiceSecurity service) throws Exception {
        return service.apply(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/v1/departments/*/follow-ups", "/api/v1/cases/*/follow-up",
                                "/api/v1/cases/*/follow-up/timeline",
                                "/api/v1/callbacks", "/api/v1/callbacks/*")
                        .hasAnyRole(Roles.DEPARTMENT_STAFF, Roles.SUPERVISOR, Roles.MANAGER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/callbacks/*/attempts").hasRole(Roles.DEPARTMENT_STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/v1/missed-calls", "/api/v1/missed-calls/*")
                        .hasAnyRole(Roles.AGENT, Roles.DEPARTMENT_STAFF, Roles.SUPERVISOR, Roles.MANAGER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/missed-calls/*/attempts")
                        .hasAnyRole(Roles.AGENT, Roles.DEPARTMENT_STAFF, Roles.SUPERVISOR, Roles.MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/notifications", "/api/v1/notifications/*")
                        .hasAnyRole(Roles.SUPERVISOR, Roles.MANAGER, Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/cases/*/texts")
                        .hasAnyRole(Roles.SUPERVISOR, Roles.MANAGER, Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/notification-channels",
                                "/api/v1/notification-channels/*")
                        .hasAnyRole(Roles.MANAGER, Roles.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/notification-channels/*").hasRole(Roles.ADMIN)
                        // the SMS gateway's replies carry its HMAC signature instead of a token (checked by the API)
                        .requestMatchers(HttpMethod.POST, "/api/v1/sms/replies").permitAll()
                        .anyRequest().denyAll())
                .build();
    }
}
