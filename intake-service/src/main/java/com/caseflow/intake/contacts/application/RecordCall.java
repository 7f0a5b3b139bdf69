package com.caseflow.intake.contacts.application;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A phone call as the call agent records it (接电记录). The agent is the logged-in user, never a field of the
 * body. Times are ISO-8601; without an offset they are read as Asia/Shanghai time. Give the ring and answer times,
 * or the ring count the telephony reported.
 */
public record RecordCall(
        @Schema(example = "2026-11-27T09:15:02+08:00") String ringStartedAt,
        @Schema(example = "2026-11-27T09:15:09+08:00") String answeredAt,
        @Schema(description = "rings before the answer, when the telephony reports a count instead of times")
        @Min(1) @Max(60) Integer ringCount,
        @Schema(example = "王小明") @NotBlank @Size(max = 50) String callerName,
        @Schema(example = "13812345678") @NotBlank String phone,
        @Schema(example = "OWNER", allowableValues = {"OWNER", "PROSPECTIVE_BUYER", "TENANT", "OTHER"}) String callerType,
        @Schema(example = "SH-LJY") @NotBlank @Size(max = 32) String projectCode,
        @Schema(example = "3栋2单元1201") @Size(max = 64) String unit,
        @Schema(example = "卫生间天花板漏水") @NotBlank @Size(max = 2000) String matter,
        @Schema(example = "REPAIR") @NotBlank String category,
        @Schema(description = "the agent settled the matter on the call; no case is opened")
        @NotNull Boolean settledOnCall,
        @Schema(description = "the agent greeted the caller politely") Boolean greetingGiven,
        @Schema(example = "C-1", description = "the phone platform's call id from the screen pop: when that call rang "
                + "at and was answered by this agent, its measured ring and answer times replace the typed ones")
        String callId) {

    /** Names and numbers stay out of logs. */
    @Override
    public String toString() {
        return "RecordCall[projectCode=" + projectCode + ", category=" + category + "]";
    }
}
