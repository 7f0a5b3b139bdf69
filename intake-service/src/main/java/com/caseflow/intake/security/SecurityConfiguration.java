package com.caseflow.intake.security;

import com.caseflow.support.security.Roles;
import com.caseflow.support.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * What each role may call on intake; everything else is refused. Tokens, open operational endpoints and problem
 * answers come from {@link ServiceSecurity}; object- and property-level rules live next to the data they protect.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ServiceSecurity service) throws Exception {
        return service.apply(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/calls", "/api/v1/visits").hasRole(Roles.AGENT)
                        .requestMatchers(HttpMethod.GET, "/api/v1/contacts/mine").hasRole(Roles.AGENT)
                        .requestMatchers(HttpMethod.GET, "/api/v1/contacts/behind-figure")
                        .hasAnyRole(Roles.SUPERVISOR, Roles.MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/contacts", "/api/v1/contacts/*")
                        .hasAnyRole(Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER)
                        // the phone platform signs its events (HMAC): no token, no session, no cookie to forge
                        .requestMatchers(HttpMethod.POST, "/api/v1/phone/events").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/phone/calls/*")
                        .hasAnyRole(Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/projects", "/api/v1/projects/*").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/projects").hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/projects/*").hasRole(Roles.ADMIN)
                        .anyRequest().denyAll())
                .build();
    }
}
