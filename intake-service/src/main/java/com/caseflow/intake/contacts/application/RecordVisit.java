package com.caseflow.intake.contacts.application;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A walk-in visit as the reception agent records it (接访记录). The agent is the logged-in user. Times are
 * ISO-8601; without an offset they are read as Asia/Shanghai time.
 */
public record RecordVisit(
        @Schema(example = "2026-11-27T10:30:00+08:00") @NotBlank String arrivedAt,
        @Schema(example = "2026-11-27T10:30:20+08:00") String greetedAt,
        @Schema(example = "李娜") @NotBlank @Size(max = 50) String visitorName,
        @Schema(example = "OWNER", allowableValues = {"OWNER", "PROSPECTIVE_BUYER", "TENANT", "OTHER"}) String visitorType,
        @Schema(example = "业主委员会") @Size(max = 100) String organisation,
        @Schema(example = "021-58881234") @NotBlank String phone,
        @Schema(example = "SH-LJY") @NotBlank @Size(max = 32) String projectCode,
        @Schema(example = "3栋2单元1201") @Size(max = 64) String unit,
        @Schema(example = "咨询交房时间") @NotBlank @Size(max = 2000) String purpose,
        @Schema(example = "交付部 陈经理") @Size(max = 50) String hostedBy,
        @Schema(example = "HANDOVER") @NotBlank String category,
        @Schema(description = "the matter was settled during the visit; no case is opened") Boolean settledOnVisit) {

    /** Names and numbers stay out of logs. */
    @Override
    public String toString() {
        return "RecordVisit[projectCode=" + projectCode + ", category=" + category + "]";
    }
}
