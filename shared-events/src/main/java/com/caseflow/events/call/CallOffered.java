package com.caseflow.events.call;

import com.caseflow.events.Sealed;
import com.caseflow.events.validation.Identifier;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * A call reached a hotline and was queued for an agent: it counts as offered (呼入) once, whatever happens next.
 *
 * @param hotline   the number the customer dialled, e.g. 400-820-8820
 * @param caller    the customer's number, normalised; null when withheld
 * @param offeredAt when the platform queued the call: the customer's wait starts here
 * @param callerToken   the customer token of the caller's number, as intake computes it for
 *                      {@code ContactReceived.customerToken}: plain, so that a reader without the key tells
 *                      callers apart; null when withheld or written before tokens
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallOffered(@Identifier String callId, @Identifier String hotline, @Sealed @Size(max = 32) String caller,
                          Instant offeredAt,
                          @Identifier String callerToken) {

    public static final int SCHEMA_VERSION = 1;

    /** Without the caller's token: records written before tokens, and tests. */
    public CallOffered(String callId, String hotline, String caller, Instant offeredAt) {
        this(callId, hotline, caller, offeredAt, null);
    }

    public CallOffered withCallerToken(String token) {
        return new CallOffered(callId, hotline, caller, offeredAt, token);
    }

    @Override
    public String toString() {
        return "CallOffered[callId=" + callId + ", hotline=" + hotline + ", offeredAt=" + offeredAt + "]";
    }
}
