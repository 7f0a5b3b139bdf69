package com.caseflow.intake.projects.application;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/** A project as an administrator creates or edits it. {@code version} is required for an edit. */
public record ProjectRequest(
        @Schema(example = "SH-LJY") @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Z0-9]+(-[A-Z0-9]+)*",
                message = "must be upper-case letters and digits in groups joined by '-', e.g. SH-LJY") String code,
        @Schema(example = "陆家嘴滨江苑") @NotBlank @Size(max = 100) String name,
        @Schema(example = "上海") @NotBlank @Size(max = 50) String city,
        @Schema(example = "浦东新区") @Size(max = 50) String district,
        @Schema(example = "浦东新区滨江大道1888号") @NotBlank @Size(max = 200) String address,
        @Schema(example = "ON_SALE", allowableValues = {"PRE_SALE", "ON_SALE", "SOLD_OUT", "DELIVERED"})
        @NotBlank String salesStatus,
        @Schema(example = "400-820-8820") @Size(max = 32) String serviceHotline,
        @Valid @Size(max = 50) List<@NotNull UnitTypeRequest> unitTypes,
        @Valid @Size(max = 200) List<@NotNull FaqRequest> faqs,
        @Schema(description = "the version you read; required when editing") @PositiveOrZero Long version) {

    public record UnitTypeRequest(
            @Schema(example = "A户型") @NotBlank @Size(max = 50) String name,
            @Schema(example = "三室两厅两卫") @Size(max = 50) String layout,
            @Schema(example = "128.5") @DecimalMin(value = "1") @Digits(integer = 6, fraction = 2) BigDecimal areaSqm,
            @Schema(example = "8200000") @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal priceFromCny,
            @Schema(example = "9600000") @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal priceToCny) {
    }

    public record FaqRequest(
            @Schema(example = "什么时候交房？") @NotBlank @Size(max = 500) String question,
            @Schema(example = "预计2027年6月30日前交付。") @NotBlank @Size(max = 4000) String answer) {
    }
}
