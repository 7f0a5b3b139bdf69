package com.caseflow.console.admin;

import com.caseflow.console.services.ConfigurationViews.Rule;
import com.caseflow.console.services.ConfigurationViews.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleDiffTests {

    private static Rule rule(String id, String department, List<String> keywords) {
        return new Rule(id, null, List.of("REPAIR"), null, null, null, keywords, null, department, null, null);
    }

    private static RuleSet version(long v, String defaultDepartment, Rule... rules) {
        return new RuleSet(v, List.of(rules), defaultDepartment, "M001", null);
    }

    @Test
    void whenARuleIsInsertedAboveOthersThenOnlyTheInsertionIsReportedNotAMoveOfEveryRuleBelow() {
        RuleSet older = version(1, "CUSTOMER_SERVICE", rule("a", "SALES", List.of()), rule("b", "LEGAL", List.of()));
        RuleSet newer = version(2, "CUSTOMER_SERVICE", rule("new", "FINANCE", List.of()), rule("a", "SALES", List.of()),
                rule("b", "LEGAL", List.of()));
        assertThat(RuleDiff.between(older, newer)).containsExactly(
                new RuleDiff.Change(RuleDiff.Kind.ADDED, "new", null, null, "1"),
                new RuleDiff.Change(RuleDiff.Kind.CHANGED, "new", "categories", "", "REPAIR"),
                new RuleDiff.Change(RuleDiff.Kind.CHANGED, "new", "departmentCode", "", "FINANCE"));
    }

    @Test
    void whenRulesSwapAndAFieldChangesThenTheMoveAndTheFieldAreReportedWithBeforeAndAfter() {
        RuleSet older = version(1, "CUSTOMER_SERVICE", rule("a", "SALES", List.of("退款")),
                rule("b", "LEGAL", List.of()), rule("gone", "TITLE", List.of()));
        RuleSet newer = version(2, "HANDOVER", rule("b", "LEGAL", List.of()),
                rule("a", "FINANCE", List.of("退款", "退定金")));
        assertThat(RuleDiff.between(older, newer)).containsExactly(
                new RuleDiff.Change(RuleDiff.Kind.DEFAULT_DEPARTMENT, null, "defaultDepartment", "CUSTOMER_SERVICE",
                        "HANDOVER"),
                new RuleDiff.Change(RuleDiff.Kind.REMOVED, "gone", null, "3", null),
                new RuleDiff.Change(RuleDiff.Kind.MOVED, "b", "position", "2", "1"),
                new RuleDiff.Change(RuleDiff.Kind.MOVED, "a", "position", "1", "2"),
                new RuleDiff.Change(RuleDiff.Kind.CHANGED, "a", "keywords", "退款", "退款、退定金"),
                new RuleDiff.Change(RuleDiff.Kind.CHANGED, "a", "departmentCode", "SALES", "FINANCE"));
    }

    @Test
    void setsInAnotherOrderAreTheSameCondition() {
        Rule one = new Rule("a", null, List.of("REPAIR", "COMPLAINT"), null, null, null, null, null, "SALES", null,
                List.of("lift", "gas"));
        Rule two = new Rule("a", null, List.of("COMPLAINT", "REPAIR"), null, null, null, null, null, "SALES", null,
                List.of("gas", "lift"));
        assertThat(RuleDiff.between(version(1, "CUSTOMER_SERVICE", one), version(2, "CUSTOMER_SERVICE", two)))
                .isEmpty();
    }

    @Test
    void indexedFieldsShareOneSentence() {
        assertThat(ConfigurationProblems.unindexed("shifts[12].end")).isEqualTo("shifts.end");
        assertThat(ConfigurationProblems.unindexed("holidays[4]")).isEqualTo("holidays");
        assertThat(ConfigurationProblems.unindexed("sla.URGENT.calendarId")).isEqualTo("sla.calendarId");
        assertThat(ConfigurationProblems.unindexed("sla.HIGH")).isEqualTo("sla");
    }
}
