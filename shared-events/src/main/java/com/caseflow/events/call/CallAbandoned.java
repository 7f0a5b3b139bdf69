package com.caseflow.events.call;

import com.caseflow.events.Sealed;
import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * The caller hung up before anyone answered (放弃呼叫), or the call ended unanswered: a missed call, to be called back.
 *
 * @param offeredAt     when the call was queued
 * @param abandonedAt   when the caller hung up
 * @param lastAgentId   the agent it last rang at; null if it never reached one
 * @param ringStartedAt when it started ringing at that agent; null if it never rang
 * @param callerToken   the customer token of the caller's number, as intake computes it for
 *                      {@code ContactReceived.customerToken}: plain, so that a reader without the key tells
 *                      callers apart; null when withheld or written before tokens
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallAbandoned(@Identifier String callId, @Identifier String hotline,
                            @Sealed @Size(max = 32) String caller, Instant offeredAt, Instant abandonedAt,
                            @Identifier String lastAgentId, Instant ringStartedAt,
                            @Identifier String callerToken) {

    public static final int SCHEMA_VERSION = 1;

    /** Without the caller's token: records written before tokens, and tests. */
    public CallAbandoned(String callId, String hotline, String caller, Instant offeredAt, Instant abandonedAt,
            String lastAgentId, Instant ringStartedAt) {
        this(callId, hotline, caller, offeredAt, abandonedAt, lastAgentId, ringStartedAt, null);
    }

    public CallAbandoned withCallerToken(String token) {
        return new CallAbandoned(callId, hotline, caller, offeredAt, abandonedAt, lastAgentId, ringStartedAt, token);
    }

    @Override
    public String toString() {
        return "CallAbandoned[callId=" + callId + ", hotline=" + hotline + ", abandonedAt=" + abandonedAt + "]";
    }
}
