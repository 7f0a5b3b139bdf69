package com.caseflow.routing.classification.domain;

import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.ContactCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierTests {

    /** The defaults of application.yml, written out so the table below reads as the company's policy. */
    static final ClassificationPolicy POLICY = new ClassificationPolicy(
            Set.of(ContactCategory.INQUIRY, ContactCategory.SUGGESTION, ContactCategory.SALES, ContactCategory.OTHER),
            Map.of(ContactCategory.COMPLAINT, Priority.HIGH),
            List.of("漏水", "渗水", "爆管", "着火", "起火", "火灾", "失火", "冒烟", "燃气", "煤气", "触电", "漏电", "受伤",
                    "坍塌", "坠落", "电梯困人"),
            List.of("媒体", "记者", "曝光", "起诉", "律师", "法院", "仲裁", "12345", "投诉到", "维权", "集体"),
            List.of("赔偿", "退房", "退款", "延期交付", "质量问题", "合同"));

    private final Classifier classifier = new Classifier(POLICY);

    @ParameterizedTest(name = "{0} 「{1}」 → {2}, {3}")
    @CsvSource({
            "INQUIRY,     请问三期什么时候开盘,               GENERAL, NORMAL",
            "INQUIRY,     想了解一下92平的户型和价格,          GENERAL, NORMAL",
            "SALES,       售楼处周末几点开门,                 GENERAL, NORMAL",
            "SUGGESTION,  建议小区多装几个路灯,               GENERAL, NORMAL",
            "REPAIR,      卧室墙面有裂缝,                     COMPLEX, NORMAL",
            "REPAIR,      卫生间天花板漏水,                   COMPLEX, URGENT",
            "PROPERTY_MANAGEMENT, 地下车库闻到燃气味,         COMPLEX, URGENT",
            "OTHER,       楼道里有电线冒烟,                   COMPLEX, URGENT",
            "INQUIRY,     电梯困人二十分钟没人管,             COMPLEX, URGENT",
            "COMPLAINT,   物业态度很差,                       COMPLEX, HIGH",
            "COMPLAINT,   再不处理我就找媒体曝光,             COMPLEX, HIGH",
            "INQUIRY,     我已经打了12345,                    COMPLEX, HIGH",
            "HANDOVER,    延期交付要求赔偿，已经请了律师,     COMPLEX, HIGH",
            "INQUIRY,     想咨询退房流程,                     COMPLEX, NORMAL",
            "SALES,       合同里的车位条款和销售说的不一样,   COMPLEX, NORMAL"})
    void whenAMatterIsClassifiedThenCategoryAndWordsDecideComplexityAndPriority(
            ContactCategory category, String matter, Complexity complexity, Priority priority) {
        Classification result = classifier.classify(category, matter);

        assertThat(result.complexity()).isEqualTo(complexity);
        assertThat(result.priority()).isEqualTo(priority);
    }

    @Test
    void whenSafetyAndRiskWordsAppearThenAllAreReportedAndSafetyWins() {
        Classification result = classifier.classify(ContactCategory.COMPLAINT, "楼上漏水把我家泡了，我要起诉");

        assertThat(result.priority()).isEqualTo(Priority.URGENT);
        assertThat(result.matchedKeywords()).containsExactly("漏水", "起诉");
    }

    @Test
    void whenTheMatterIsMissingThenTheCategoryAloneDecides() {
        assertThat(classifier.classify(ContactCategory.REPAIR, null))
                .isEqualTo(new Classification(Complexity.COMPLEX, Priority.NORMAL, List.of()));
    }
}
