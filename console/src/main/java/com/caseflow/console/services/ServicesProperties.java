package com.caseflow.console.services;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * Where the services' APIs are, and how long the console waits for them: an agent on the phone needs an answer in
 * seconds, and a clear "service unavailable" beats a spinner. A download (an Excel export) waits longer
 * ({@code downloadReadTimeout}): a month's report takes the service longer to build than a screen's page.
 */
@ConfigurationProperties("caseflow.console.services")
public record ServicesProperties(URI intake, URI routing, URI followup, URI evaluation, Duration connectTimeout,
                                 Duration readTimeout, Duration downloadReadTimeout) {

    public ServicesProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        downloadReadTimeout = downloadReadTimeout == null ? Duration.ofSeconds(60) : downloadReadTimeout;
    }
}
