package com.caseflow.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing configuration in a real browser against the whole system: a manager (who publishes routing rules) adds a
 * keyword rule in the console's form, dry-runs it against a typed contact, publishes it, and the next call recorded
 * is routed as the new rule says. The rule's word is made up, so no other test's contact meets it and nothing needs
 * restoring. The rules page and the form are checked with axe-core; the rules page is photographed.
 */
class ConsoleConfigurationInBrowserEndToEndTests {

    private static final Pattern OUTCOME_STREAM = Pattern.compile("sse-connect=\"([^\"]+/outcome)\"");
    private static final Pattern CASE = Pattern.compile("data-case=\"([^\"]+)\"");
    private static final String RULE = "word-xingshawen";
    private static final String WORD = "星砂纹";
    private static final String MATTER = "客厅墙面的" + WORD + "涂层掉色了，想问问怎么处理";
    private static ConsoleSystem system;

    @BeforeAll
    static void startSystem() {
        system = ConsoleSystem.get();
    }

    @Test
    void aManagerAddsAKeywordRuleDryRunsItPublishesItAndTheNextCallFollowsIt() {
        try (Browser manager = Browser.open(system.url())) {
            manager.signIn("M001");
            manager.go("/admin/rules");
            assertThat(manager.find("h1").getText()).contains("分派规则");
            assertThat(manager.all("#rule-" + RULE)).isEmpty();
            manager.assertAccessible("the rules in force");

            manager.find("#rule-new").click();
            manager.until(d -> d.getCurrentUrl().contains("/admin/rules/edit"));
            manager.assertAccessible("the rule form");
            manager.find("#id").sendKeys(RULE);
            manager.find("#position").clear();
            manager.find("#position").sendKeys("1");
            manager.find("#description").sendKeys("提到" + WORD + " → 财务部");
            manager.find("#keywords").sendKeys(WORD);
            new Select(manager.find("#departmentCode")).selectByValue("FINANCE");

            // dry run with the edited set: a repair call that names the word is decided by the new rule
            new Select(manager.find("#tryCategory")).selectByValue("REPAIR");
            manager.find("#tryMatter").sendKeys(MATTER);
            manager.find("#rule-dry-run").click();
            manager.until(d -> !d.findElements(By.id("dry-run-result")).isEmpty());
            assertThat(manager.find("#dry-run-department").getText()).isEqualTo("财务部");
            assertThat(manager.find("#dry-run-rule").getText()).contains(RULE);
            assertThat(manager.find("#dry-run-reasons").getText()).contains(WORD);
            assertThat(manager.find("#keywords").getDomProperty("value")).as("the form keeps the edit").contains(WORD);
            manager.assertAccessible("the rule form with a dry run's result");

            manager.find("#rule-publish").click();
            manager.until(d -> !d.findElements(By.id("rules-published")).isEmpty());
            assertThat(manager.find("#rules-published").getText()).contains("已发布第");
            assertThat(manager.find("#rule-" + RULE).getText()).contains(WORD, "财务部");
            assertThat(manager.find("table.rules tbody tr:first-child").getAttribute("id")).isEqualTo("rule-" + RULE);
            manager.assertAccessible("the rules just published");
            manager.screenshot("admin-rules");

            // the next call that names the word, recorded as the agent's call form posts it, goes to finance
            ConsoleSession agent = ConsoleSession.signIn(system.url(), "A001").withCsrfFrom("/calls/new");
            Map<String, String> call = new BenchmarkCalls().next();
            call.put("phone", "13977700017");
            call.put("unit", "88栋1单元1701");
            call.put("matter", MATTER);
            String caseId = caseOf(agent, call);

            manager.until(d -> {
                d.get(system.url() + "/dashboard/cases?department=FINANCE");
                return !d.findElements(By.cssSelector("tr[data-case='" + caseId + "']")).isEmpty();
            });
            assertThat(manager.find("h1").getText()).contains("财务部");
        }
    }

    /** The case routing opened for the call, as the call page's outcome stream shows it: finance by the new rule. */
    private static String caseOf(ConsoleSession agent, Map<String, String> call) {
        HttpResponse<String> answer = agent.htmxPost("/calls", call);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("已登记");
        Matcher stream = OUTCOME_STREAM.matcher(answer.body());
        assertThat(stream.find()).as("the outcome stream in the answer").isTrue();
        Optional<String> outcome = agent.awaitEvent(stream.group(1), "outcome");
        assertThat(outcome).as("an outcome on the stream").isPresent();
        assertThat(outcome.get()).contains("财务部").doesNotContain("工程维修部");
        Matcher caseId = CASE.matcher(outcome.get());
        assertThat(caseId.find()).as("a case number in %s", outcome.get()).isTrue();
        return caseId.group(1);
    }
}
