package com.caseflow.support.sealing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * The keys of the sealed event fields ({@code caseflow.events.sealing}).
 *
 * @param keys    key id → base64 of 32 random bytes; two during a rotation (the old id still opens)
 * @param current the key id new values are sealed with; set in every service that writes sealed fields (intake,
 *                routing, follow-up), so one without its key does not start. Evaluation sets neither: it reads the
 *                sealed fields as null.
 */
@ConfigurationProperties("caseflow.events.sealing")
public record SealingProperties(Map<String, String> keys, String current) {

    public SealingProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
}
