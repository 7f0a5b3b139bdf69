package com.caseflow.intake.calls.domain;

import java.time.Instant;

/**
 * One call event of the phone platform, checked: numbers normalised, times parsed.
 *
 * @param caller      the customer's number, normalised; null when withheld
 * @param agentId     the agent it rings at, who answered, who passes it on (TRANSFERRED) or who had it last (ENDED;
 *                    null there when nobody answered)
 * @param toAgentId   TRANSFERRED only: the colleague the call is passed to
 */
public record PhoneEvent(String eventId, PhoneEventType type, String callId, String hotline, String caller,
                         String agentId, String toAgentId, Instant occurredAt, String recordingUrl) {

    /** Numbers stay out of logs. */
    @Override
    public String toString() {
        return "PhoneEvent[eventId=" + eventId + ", type=" + type + ", callId=" + callId + "]";
    }
}
