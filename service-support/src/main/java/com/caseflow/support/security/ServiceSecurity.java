package com.caseflow.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

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

    /**
     * The chain of an ADMIN-only API that service-support adds to every service ({@code paths} such as
     * {@code /api/v1/admin/outbox/**}): what {@link #apply} sets, and the ADMIN role for every request under the
     * paths. Its bean is ordered before the service's own chain, which denies whatever its matrix does not name.
     */
    public SecurityFilterChain adminApi(HttpSecurity http, String paths) throws Exception {
        return apply(http.securityMatcher(paths))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Roles.ADMIN))
                .build();
    }
}
