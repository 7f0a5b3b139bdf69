package com.caseflow.console.calls;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * The event sealing keys ({@code caseflow.events.sealing.keys}, the same as intake's): the caller's number travels
 * sealed on {@code calls}, and the screen pop shows it. The console only opens, so it names no current key.
 *
 * @param keys key id → base64 of 32 random bytes; two during a rotation
 */
@ConfigurationProperties("caseflow.events.sealing")
public record CallerKeys(Map<String, String> keys) {

    public CallerKeys {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
}
