package com.caseflow.events.call;

import com.caseflow.events.Sealed;
import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * The call rings at an agent's phone: the agent's console pops the caller up (screen pop).
 *
 * @param agentId       the agent it rings at
 * @param offeredAt     when the call was queued, null if the platform did not say
 * @param ringStartedAt when it started ringing at this agent: the three rings (15 s) count from here
 * @param callerToken   the customer token of the caller's number, as intake computes it for
 *                      {@code ContactReceived.customerToken}: plain, so that a reader without the key tells
 *                      callers apart; null when withheld or written before tokens
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallRinging(@Identifier String callId, @Identifier String hotline, @Sealed @Size(max = 32) String caller,
                          @Identifier String agentId, Instant offeredAt, Instant ringStartedAt,
                          @Identifier String callerToken) {

    public static final int SCHEMA_VERSION = 1;

    /** Without the caller's token: records written before tokens, and tests. */
    public CallRinging(String callId, String hotline, String caller, String agentId, Instant offeredAt,
            Instant ringStartedAt) {
        this(callId, hotline, caller, agentId, offeredAt, ringStartedAt, null);
    }

    public CallRinging withCallerToken(String token) {
        return new CallRinging(callId, hotline, caller, agentId, offeredAt, ringStartedAt, token);
    }

    @Override
    public String toString() {
        return "CallRinging[callId=" + callId + ", agentId=" + agentId + ", ringStartedAt=" + ringStartedAt + "]";
    }
}
