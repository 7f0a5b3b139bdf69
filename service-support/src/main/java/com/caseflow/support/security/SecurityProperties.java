package com.caseflow.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * @param issuer             the identity provider tokens must come from (their {@code iss})
 * @param jwkSetUri          where its signing keys are published; fetched when the first token arrives, so the
 *                           service starts while the provider is still down
 * @param writesPerSecond    records one user may write per second: far above any person's pace, it caps what a
 *                           stolen token or a runaway script can write
 * @param readsPerSecond     customer lookups one user may make per second, against harvesting with a stolen token
 * @param audience           the name a token must carry in {@code aud} to be accepted here: a token the provider
 *                           issued for another service or application is refused. Default: the service's
 *                           {@code spring.application.name}
 */
@ConfigurationProperties("caseflow.security")
public record SecurityProperties(URI issuer, URI jwkSetUri, int writesPerSecond, int readsPerSecond,
                                 String audience) {

    public SecurityProperties {
        if (jwkSetUri == null && issuer != null) {
            jwkSetUri = URI.create(issuer.toString().replaceAll("/$", "") + "/oauth2/jwks");
        }
        writesPerSecond = writesPerSecond <= 0 ? 10 : writesPerSecond;
        readsPerSecond = readsPerSecond <= 0 ? 20 : readsPerSecond;
        audience = audience == null || audience.isBlank() ? null : audience.strip();
    }
}
