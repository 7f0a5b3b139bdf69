package com.caseflow.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * What every service's filter chain has in common; a service adds only its own role matrix:
 * <pre>{@code
 * return service.apply(http)
 *         .authorizeHttpRequests(requests -> requests
 *                 .requestMatchers(HttpMethod.POST, "/api/v1/calls").hasRole(Roles.AGENT)
 *                 .anyRequest().denyAll())
 *         .build();
 * }</pre>
 */
public class ServiceSecurity {

    private final JwtAuthenticationConverter authorities;
    private final ProblemAuthenticationEntryPoint problems;

    ServiceSecurity(JwtAuthenticationConverter authorities, ProblemAuthenticationEntryPoint problems) {
        this.authorities = authorities;
        this.problems = problems;
    }

    /**
     * Bearer tokens of the identity provider, 401 and 403 as problem documents, no session; health, metrics and the
     * API documentation stay open. Matchers the service adds afterwards come after these.
     */
    public HttpSecurity apply(HttpSecurity http) {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authorities))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // a stateless API authenticated by bearer tokens: no cookies, so no cross-site request to forge
                .csrf(csrf -> csrf.disable());
    }
}
