package com.caseflow.intake.calls.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The link with the phone platform.
 *
 * @param secret          shared HMAC secret of the platform's call events; blank refuses every event
 * @param signatureWindow how far a signature's timestamp may be from our clock
 * @param eventsPerSecond cap on signed events taken per second (across the platform), a brake on a runaway sender
 */
@ConfigurationProperties("caseflow.phone")
public record PhoneProperties(String secret, Duration signatureWindow, Integer eventsPerSecond) {

    public PhoneProperties {
        secret = secret == null ? "" : secret;
        signatureWindow = signatureWindow == null ? Duration.ofMinutes(5) : signatureWindow;
        eventsPerSecond = eventsPerSecond == null ? 200 : eventsPerSecond;
    }

    /** The secret stays out of logs and actuator output. */
    @Override
    public String toString() {
        return "PhoneProperties[signatureWindow=" + signatureWindow + ", eventsPerSecond=" + eventsPerSecond + "]";
    }
}
