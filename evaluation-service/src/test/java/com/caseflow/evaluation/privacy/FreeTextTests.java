package com.caseflow.evaluation.privacy;

import com.caseflow.support.problem.FieldProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FreeTextTests {

    @ParameterizedTest
    @ValueSource(strings = {"请回电13812345678", "客户 138 1234 5678", "138-1234-5678 王先生", "座机021-58881234",
            "0571 8888 1234", "热线400-820-8820", "8008208820", "+8613812345678", "0086 138 1234 5678",
            "１３８１２３４５６７８", "138.1234.5678", "138 - 1234 - 5678", "(021)58881234", "（0571）88881234"})
    void whenFreeTextHoldsAPhoneNumberThenTheFieldIsNamed(String text) {
        List<FieldProblem> problems = new ArrayList<>();

        FreeText.requireNoPhoneNumber("comment", text, problems);

        assertThat(problems).extracting(FieldProblem::field).containsExactly("comment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-28 上门复查", "3栋2单元1201 卫生间", "工单 12345 已关闭", "满意度 5 分",
            "20261128", "138123456789012", "2026年11月28日 10:00-12:00 上门", "第3期 13栋 2单元", "5888 1234"})
    void whenFreeTextHoldsDatesUnitsOrOtherNumbersThenItPasses(String text) {
        List<FieldProblem> problems = new ArrayList<>();

        FreeText.requireNoPhoneNumber("comment", text, problems);

        assertThat(problems).isEmpty();
    }
}
