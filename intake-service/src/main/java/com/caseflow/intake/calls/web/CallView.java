package com.caseflow.intake.calls.web;

import com.caseflow.events.contact.Phones;
import com.caseflow.intake.calls.domain.Call;
import com.caseflow.intake.calls.domain.CallState;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** A call as staff read it; times in business time (Asia/Shanghai). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallView(String callId, String hotline, String caller, String agentId, CallState state,
                       OffsetDateTime offeredAt, OffsetDateTime ringStartedAt, OffsetDateTime answeredAt,
                       OffsetDateTime endedAt, String recordingUrl) {

    /**
     * @param fullNumber     false: the caller's number masked (138****5678), as for contacts
     * @param withRecording  whether the reader may follow the recording
     */
    static CallView of(Call call, ZoneId zone, boolean fullNumber, boolean withRecording) {
        String caller = call.caller() == null ? null : fullNumber ? call.caller() : Phones.masked(call.caller());
        return new CallView(call.callId(), call.hotline(), caller, call.agentId(), call.state(),
                at(call.offeredAt(), zone), at(call.ringStartedAt(), zone), at(call.answeredAt(), zone),
                at(call.endedAt(), zone), withRecording ? call.recordingUrl() : null);
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    @Override
    public String toString() {
        return "CallView[callId=" + callId + ", state=" + state + "]";
    }
}
