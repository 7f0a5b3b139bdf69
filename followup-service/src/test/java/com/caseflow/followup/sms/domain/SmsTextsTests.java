package com.caseflow.followup.sms.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmsTextsTests {

    @Test
    void whenATemplateIsRenderedThenCompanyCaseNumberAndDepartmentAreFilledIn() {
        SmsTexts texts = new SmsTexts("某某置业", Map.of(
                SmsTemplate.CASE_OPENED, "【{company}】案件{caseNumber}由{department}处理",
                SmsTemplate.CASE_RESOLVED, "【{company}】案件{caseNumber}已办结"));
        assertThat(texts.render(SmsTemplate.CASE_OPENED, "3f2b1c4d-aaaa-bbbb-cccc-000000000000", "工程维修部"))
                .isEqualTo("【某某置业】案件3F2B1C4D由工程维修部处理");
    }

    @Test
    void whenATemplateHasNoTextThenTheConfigurationIsRefused() {
        assertThatThrownBy(() -> new SmsTexts("某某置业", Map.of(SmsTemplate.CASE_OPENED, "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CASE_RESOLVED");
    }
}
