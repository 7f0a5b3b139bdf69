package com.caseflow.events.call;

import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * An agent passed the answered call on to a colleague (转接); the call then rings at {@code toAgentId}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallTransferred(@Identifier String callId, @Identifier String hotline, @Identifier String fromAgentId,
                              @Identifier String toAgentId, Instant transferredAt) {

    public static final int SCHEMA_VERSION = 1;
}
