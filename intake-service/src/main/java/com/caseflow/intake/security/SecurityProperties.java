package com.caseflow.intake.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * @param issuer             the identity provider tokens must come from (their {@code iss})
 * @param jwkSetUri          where its signing keys are published; fetched when the first token arrives, so the
 *                           service starts while the provider is still down
 * @param writesPerSecond    contacts one user may record per second: far above any agent's pace, it caps what a
 *                           stolen token or a runaway script can write
 */
@ConfigurationProperties("caseflow.security")
public record SecurityProperties(URI issuer, URI jwkSetUri, int writesPerSecond) {

    public SecurityProperties {
        if (jwkSetUri == null && issuer != null) {
            jwkSetUri = URI.create(issuer.toString().replaceAll("/$", "") + "/oauth2/jwks");
        }
        writesPerSecond = writesPerSecond <= 0 ? 10 : writesPerSecond;
    }
}
