package com.caseflow.events.call;

import com.caseflow.events.Sealed;
import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.time.Instant;

/**
 * An agent picked the call up. Carries the times measured by the platform so that a reader needs no other fact of
 * the call to judge the answer.
 *
 * @param offeredAt     when the call was queued (the speed of answer counts from here)
 * @param ringStartedAt when it started ringing at this agent (the three-ring rule counts from here)
 * @param answeredAt    when the agent picked up
 * @param callerToken   the customer token of the caller's number, as intake computes it for
 *                      {@code ContactReceived.customerToken}: plain, so that a reader without the key tells
 *                      callers apart; null when withheld or written before tokens
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallAnswered(@Identifier String callId, @Identifier String hotline, @Sealed @Size(max = 32) String caller,
                           @Identifier String agentId, Instant offeredAt, Instant ringStartedAt, Instant answeredAt,
                           @Identifier String callerToken) {

    public static final int SCHEMA_VERSION = 1;

    /** Without the caller's token: records written before tokens, and tests. */
    public CallAnswered(String callId, String hotline, String caller, String agentId, Instant offeredAt,
            Instant ringStartedAt, Instant answeredAt) {
        this(callId, hotline, caller, agentId, offeredAt, ringStartedAt, answeredAt, null);
    }

    public CallAnswered withCallerToken(String token) {
        return new CallAnswered(callId, hotline, caller, agentId, offeredAt, ringStartedAt, answeredAt, token);
    }

    /** 响铃三声: three rings of the Chinese ring cadence (1 s on, 4 s off) are 15 seconds. */
    public static final Duration THREE_RINGS = Duration.ofSeconds(15);

    @Override
    public String toString() {
        return "CallAnswered[callId=" + callId + ", agentId=" + agentId + ", answeredAt=" + answeredAt + "]";
    }
}
