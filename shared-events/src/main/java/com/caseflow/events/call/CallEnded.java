package com.caseflow.events.call;

import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * The call is over. The last fact of every call, answered or not.
 *
 * @param agentId      the agent who had the call last; null if nobody answered
 * @param answeredAt   null for a call nobody answered
 * @param recordingUrl where the platform keeps the recording (录音); null when there is none. Shown to supervisors
 *                     only, in spot-checks.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallEnded(@Identifier String callId, @Identifier String hotline, @Identifier String agentId,
                        Instant offeredAt, Instant answeredAt, Instant endedAt, @Size(max = 2000) String recordingUrl) {

    public static final int SCHEMA_VERSION = 1;
}
