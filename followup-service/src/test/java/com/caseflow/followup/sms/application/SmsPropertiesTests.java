package com.caseflow.followup.sms.application;

import com.caseflow.followup.sms.domain.SmsTemplate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SmsPropertiesTests {

    @Test
    void whenNothingIsConfiguredThenTheDefaultTextsAndRoutingsDepartmentNamesApply() {
        SmsProperties properties = properties(Map.of(), Map.of());
        String opened = properties.texts().render(SmsTemplate.CASE_OPENED, "3f2b1c4d-0000", "工程维修部");
        assertThat(opened).isEqualTo("【CaseFlow置业客服】您好，您反映的事项已受理，案件编号3F2B1C4D，由工程维修部负责处理，"
                + "我们会尽快与您联系。回复退订不再接收。");
        assertThat(properties.texts().render(SmsTemplate.CASE_RESOLVED, "3f2b1c4d-0000", null))
                .isEqualTo("【CaseFlow置业客服】您好，您的案件3F2B1C4D已处理完毕。请对本次服务评价：回复1-5评价，"
                        + "1很不满意…5很满意；回复退订不再接收。");
        assertThat(properties.department("PROPERTY_MANAGEMENT")).isEqualTo("物业管理部");
        assertThat(properties.department("NEW_DEPT")).isEqualTo("相关部门");
    }

    @Test
    void whenTextsAndNamesAreConfiguredThenTheyReplaceTheDefaults() {
        SmsProperties properties = properties(Map.of("case-resolved", "【{company}】{caseNumber}办结，回复1-5评价"),
                Map.of("ENGINEERING", "工程部", "NEW_DEPT", "新部门"));
        assertThat(properties.texts().render(SmsTemplate.CASE_RESOLVED, "abcdef12-0000", null))
                .isEqualTo("【CaseFlow置业客服】ABCDEF12办结，回复1-5评价");
        assertThat(properties.department("ENGINEERING")).isEqualTo("工程部");
        assertThat(properties.department("NEW_DEPT")).isEqualTo("新部门");
        assertThat(properties.department("SALES")).isEqualTo("销售部");
    }

    private static SmsProperties properties(Map<String, String> templates, Map<String, String> departments) {
        return new SmsProperties("", "", "CaseFlow置业客服", templates, departments, "相关部门", LocalTime.of(21, 0),
                LocalTime.of(8, 0), Set.of(SmsTemplate.CASE_OPENED), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofSeconds(30), 50, Duration.ofMinutes(5),
                false);
    }
}
