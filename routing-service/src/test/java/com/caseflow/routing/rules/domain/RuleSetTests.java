package com.caseflow.routing.rules.domain;

import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetTests {

    private static final Set<String> DEPARTMENTS = Set.of("CUSTOMER_SERVICE", "ENGINEERING", "LEGAL", "SALES");

    private static RoutingRule rule(String id, Set<ContactCategory> categories, Set<Complexity> complexities,
                                    List<String> keywords, Priority minPriority, String department) {
        return new RoutingRule(id, null, categories, complexities, Set.of(), Set.of(), keywords, minPriority,
                department);
    }

    private static RoutingInput input(ContactCategory category, Complexity complexity, Priority priority,
                                      String matter) {
        return new RoutingInput(category, complexity, priority, "SH-LJY", Channel.PHONE, matter);
    }

    private final RuleSet rules = new RuleSet(7, List.of(
            rule("legal", Set.of(), Set.of(), List.of("起诉", "律师"), null, "LEGAL"),
            rule("repairs", Set.of(ContactCategory.REPAIR), Set.of(Complexity.COMPLEX), List.of(), null,
                    "ENGINEERING"),
            new RoutingRule("vip-project", null, Set.of(), Set.of(), Set.of("BJ-YHY"), Set.of(Channel.VISIT),
                    List.of(), null, "SALES")),
            "CUSTOMER_SERVICE", "M001", Instant.parse("2026-11-01T00:00:00Z"));

    @Test
    void whenSeveralRulesMatchThenTheFirstInOrderDecidesAndNamesItself() {
        RouteDecision decision = rules.route(input(ContactCategory.REPAIR, Complexity.COMPLEX, Priority.URGENT,
                "漏水三天没人修，我要请律师"));

        assertThat(decision).extracting(RouteDecision::departmentCode, RouteDecision::ruleId, RouteDecision::ruleVersion)
                .containsExactly("LEGAL", "legal", 7L);
        assertThat(decision.reason()).isEqualTo("LEGAL by rule legal v7: words 律师");
    }

    @Test
    void whenOnlyALaterRuleMatchesThenItDecides() {
        assertThat(rules.route(input(ContactCategory.REPAIR, Complexity.COMPLEX, Priority.NORMAL, "墙面裂缝")))
                .extracting(RouteDecision::departmentCode, RouteDecision::ruleId).containsExactly("ENGINEERING", "repairs");
    }

    @Test
    void whenEveryConditionOfARuleMustHoldThenOneMissingConditionSkipsIt() {
        RoutingInput phoneCall = new RoutingInput(ContactCategory.INQUIRY, Complexity.GENERAL, Priority.NORMAL,
                "BJ-YHY", Channel.PHONE, "价格");
        RoutingInput visit = new RoutingInput(ContactCategory.INQUIRY, Complexity.GENERAL, Priority.NORMAL,
                "BJ-YHY", Channel.VISIT, "价格");

        assertThat(rules.route(phoneCall).ruleId()).isEqualTo(RuleSet.DEFAULT_RULE);
        assertThat(rules.route(visit).departmentCode()).isEqualTo("SALES");
    }

    @Test
    void whenNoRuleMatchesThenTheDefaultRuleSendsItToCustomerService() {
        assertThat(rules.route(input(ContactCategory.INQUIRY, Complexity.GENERAL, Priority.NORMAL, "开盘时间")))
                .isEqualTo(new RouteDecision("CUSTOMER_SERVICE", "default", 7,
                        "CUSTOMER_SERVICE by rule default v7: no rule matched"));
    }

    @Test
    void whenAMinimumPriorityIsSetThenLowerPrioritiesPass() {
        RuleSet urgentOnly = new RuleSet(1, List.of(rule("urgent", Set.of(), Set.of(), List.of(), Priority.URGENT,
                "ENGINEERING")), "CUSTOMER_SERVICE", "M001", Instant.EPOCH);

        assertThat(urgentOnly.route(input(ContactCategory.OTHER, Complexity.COMPLEX, Priority.HIGH, "x"))
                .departmentCode()).isEqualTo("CUSTOMER_SERVICE");
        assertThat(urgentOnly.route(input(ContactCategory.OTHER, Complexity.COMPLEX, Priority.URGENT, "x"))
                .departmentCode()).isEqualTo("ENGINEERING");
    }

    @Test
    void whenARuleSetIsValidThenItHasNoViolations() {
        assertThat(rules.violations(DEPARTMENTS)).isEmpty();
    }

    @Test
    void whenRulesAreInvalidThenEveryProblemNamesItsField() {
        RuleSet bad = new RuleSet(2, List.of(
                rule("dup", Set.of(ContactCategory.SALES), Set.of(), List.of(), null, "SALES"),
                rule("dup", Set.of(ContactCategory.TITLE), Set.of(), List.of(), null, "NOWHERE"),
                rule("no conditions!", Set.of(), Set.of(), List.of(" "), null, "SALES")),
                "ATLANTIS", "M001", Instant.EPOCH);

        assertThat(bad.violations(DEPARTMENTS)).extracting(RuleViolation::field).containsExactlyInAnyOrder(
                "defaultDepartment", "rules[1].id", "rules[1].departmentCode", "rules[2].id",
                "rules[2].keywords[0]");
    }

    @Test
    void whenARuleHasNoConditionThenItIsRefusedBecauseTheDefaultRuleCatchesTheRest() {
        RuleSet catchAll = new RuleSet(2, List.of(rule("all", Set.of(), Set.of(), List.of(), null, "SALES")),
                "CUSTOMER_SERVICE", "M001", Instant.EPOCH);

        assertThat(catchAll.violations(DEPARTMENTS)).extracting(RuleViolation::field).containsExactly("rules[0].");
    }

    @Test
    void whenAnEarlierRuleCatchesEverythingALaterOneWouldThenTheLaterOneIsRefusedAsDead() {
        RuleSet shadowed = new RuleSet(2, List.of(
                rule("repairs", Set.of(ContactCategory.REPAIR), Set.of(), List.of(), null, "ENGINEERING"),
                rule("urgent-repairs", Set.of(ContactCategory.REPAIR), Set.of(), List.of(), Priority.URGENT,
                        "LEGAL")),
                "CUSTOMER_SERVICE", "M001", Instant.EPOCH);

        assertThat(shadowed.violations(DEPARTMENTS)).extracting(RuleViolation::field).containsExactly("rules[1].");
    }
}
