package com.caseflow.intake.calls.application;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A call event as the phone platform posts it (the generic format; docs/phone.md). Times are ISO-8601
 * with an offset; without one they are read as Asia/Shanghai time.
 */
public record PhoneEventRequest(
        @Schema(example = "e-1") @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String eventId,
        @Schema(example = "RINGING", allowableValues = {"QUEUED", "RINGING", "ANSWERED", "ABANDONED", "TRANSFERRED",
                "ENDED"}) @NotBlank String type,
        @Schema(example = "C-1") @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String callId,
        @Schema(example = "400-820-8820") @NotBlank String hotline,
        @Schema(example = "13812345678", description = "null or absent when the number is withheld") String caller,
        @Schema(example = "A001") @Size(max = 64) String agentId,
        @Schema(example = "A002", description = "TRANSFERRED only") @Size(max = 64) String toAgentId,
        @Schema(example = "2026-12-05T02:00:00Z") @NotBlank String occurredAt,
        @Schema(description = "ENDED: where the platform keeps the recording") @Size(max = 2000) String recordingUrl) {

    static final String ID = "[\\x21-\\x7E]{1,128}";
    static final String ID_MESSAGE = "must be 1 to 128 visible ASCII characters";

    /** Numbers stay out of logs. */
    @Override
    public String toString() {
        return "PhoneEventRequest[eventId=" + eventId + ", type=" + type + ", callId=" + callId + "]";
    }
}
