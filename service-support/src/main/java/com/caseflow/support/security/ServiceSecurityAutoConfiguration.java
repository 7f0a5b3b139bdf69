package com.caseflow.support.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokens of the configured identity provider ({@code caseflow.security}) and what a service's filter chain is built
 * from ({@link ServiceSecurity}). Runs before Boot's resource server configuration so that it backs off.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnClass({HttpSecurity.class, NimbusJwtDecoder.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class ServiceSecurityAutoConfiguration {

    /**
     * Signature (RS256 only: {@code alg=none} and HMAC tokens are refused), expiry, issuer and audience are checked on
     * every request. The token's {@code kid} picks the key from the provider's JWK set, which holds the current and the
     * previous key after a rotation; a {@code kid} not seen before makes it fetch the set again.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("caseflow.security.issuer")
    JwtDecoder jwtDecoder(SecurityProperties properties, Environment environment) {
        String audience = properties.audience() != null ? properties.audience()
                : environment.getProperty("spring.application.name", "");
        if (audience.isBlank()) {
            throw new IllegalStateException("caseflow.security.audience (or spring.application.name) must be set: "
                    + "a service accepts only tokens issued for it");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(
                JwtValidators.createDefaultWithIssuer(properties.issuer().toString()),
                // every record names who made it: a token that does not say which member of staff is refused
                new JwtClaimValidator<String>("staff_id", id -> id != null && !id.isBlank()),
                // a token the provider issued for another service or application is no good here
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    /** The {@code roles} claim becomes {@code ROLE_*} authorities; the principal is the staff id. */
    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        converter.setPrincipalClaimName("staff_id");
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint(JsonMapper json) {
        return new ProblemAuthenticationEntryPoint(json);
    }

    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler problemRequestRejectedHandler(ProblemAuthenticationEntryPoint problems) {
        return problems::rejected;
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceSecurity serviceSecurity(JwtAuthenticationConverter authorities, ProblemAuthenticationEntryPoint problems) {
        return new ServiceSecurity(authorities, problems);
    }

    @Bean
    @ConditionalOnMissingBean
    StaffRateLimiter staffRateLimiter(SecurityProperties properties) {
        return new StaffRateLimiter(properties);
    }
}
