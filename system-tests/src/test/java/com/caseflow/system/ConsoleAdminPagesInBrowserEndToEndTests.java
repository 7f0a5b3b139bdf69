package com.caseflow.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's management and configuration pages in a real browser against the whole system, each opened by a role
 * that may open it: a manager's rankings, improvement proposals (one recorded through the form), departments and one
 * department's settings, and the routing rules' versions with the difference a new rule made; engineering's head's
 * on-duty roster; an administrator's calendars and projects. Every page is checked with axe-core and photographed.
 * What is created is made unique (a proposal's title, a rule's made-up word), so no other test of the JVM meets it
 * and nothing needs restoring.
 */
class ConsoleAdminPagesInBrowserEndToEndTests {

    private static ConsoleSystem system;

    @BeforeAll
    static void startSystem() {
        system = ConsoleSystem.get();
    }

    @Test
    void aManagerOpensRankingsProposalsDepartmentsAndTheRulesVersionsWithTheirDifference() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String unique = Long.toString(System.nanoTime() % 100_000);
        // a call this month, so the rankings have a row whichever test of the JVM comes first
        ConsoleSession agent = ConsoleSession.signIn(system.url(), "A002").withCsrfFrom("/calls/new");
        Map<String, String> call = new BenchmarkCalls().next();
        call.put("phone", "1396" + String.format("%07d", Long.parseLong(unique)));
        call.put("unit", "21栋1单元" + unique);
        assertThat(agent.htmxPost("/calls", call).body()).contains("已登记");
        try (Browser manager = Browser.open(system.url())) {
            manager.signIn("M001");

            manager.until(d -> {
                d.get(system.url() + "/evaluations");
                return !d.findElements(By.id("agent-A002")).isEmpty();
            });
            assertThat(manager.find("h1").getText()).isEqualTo("考核排名");
            assertThat(manager.find("#agent-ranking caption").getText()).isNotBlank();
            assertThat(manager.find("#department-ranking caption").getText()).isNotBlank();
            manager.assertAccessible("the rankings");
            manager.screenshot("evaluations");

            // a proposal recorded through the form shows in the list
            manager.go("/proposals");
            String title = "回访话术统一培训 " + unique;
            manager.find("#proposal-projectCode").sendKeys("SH-LJY");
            manager.find("#proposal-title").sendKeys(title);
            manager.find("#proposal-owner").sendKeys("S001");
            LocalDate due = today.plusDays(30);
            manager.find("#proposal-dueDate").sendKeys(String.format("%02d%02d%04d", due.getMonthValue(),
                    due.getDayOfMonth(), due.getYear()));
            new Select(manager.find("#proposal-category")).selectByValue("REPAIR");
            manager.find("#proposal-description").sendKeys("报修回访时先确认维修结果，再询问满意度");
            manager.find("form.proposal-form button[type=submit]").click();
            WebElement row = manager.until(d -> d.findElements(By.cssSelector("#proposals tbody tr")).stream()
                    .filter(r -> r.getText().contains(title)).findFirst().orElse(null));
            assertThat(row.getText()).contains("SH-LJY", "报修", "已提出");
            assertThat(row.findElement(By.cssSelector("input[name=owner]")).getDomProperty("value")).isEqualTo("S001");
            assertThat(row.findElement(By.cssSelector("input[name=dueDate]")).getDomProperty("value"))
                    .isEqualTo(due.toString());
            manager.assertAccessible("the proposals");
            manager.screenshot("proposals");

            manager.go("/admin/departments");
            assertThat(manager.find("#department-ENGINEERING").getText()).contains("工程维修部");
            manager.assertAccessible("the departments");
            manager.screenshot("admin-departments");
            manager.find("#department-ENGINEERING a[href$='/admin/departments/ENGINEERING']").click();
            manager.until(d -> d.getCurrentUrl().endsWith("/admin/departments/ENGINEERING"));
            assertThat(manager.find("#nameZh").getDomProperty("value")).isEqualTo("工程维修部");
            manager.assertAccessible("a department's settings");
            manager.screenshot("admin-department");

            // a rule with a made-up word makes a new version; its versions page shows what changed
            String rule = "word-jilanyou";
            String word = "霁蓝釉";
            manager.go("/admin/rules/edit");
            manager.find("#id").sendKeys(rule);
            manager.find("#position").clear();
            manager.find("#position").sendKeys("1");
            manager.find("#description").sendKeys("提到" + word + " → 客户服务部");
            manager.find("#keywords").sendKeys(word);
            new Select(manager.find("#departmentCode")).selectByValue("CUSTOMER_SERVICE");
            manager.find("#rule-publish").click();
            manager.until(d -> !d.findElements(By.id("rules-published")).isEmpty());
            manager.go("/admin/rules/versions");
            String newest = manager.find("table.versions tbody tr:first-child").getAttribute("id");
            long version = Long.parseLong(newest.substring("version-".length()));
            assertThat(new Select(manager.find("#to")).getFirstSelectedOption().getDomProperty("value"))
                    .isEqualTo(String.valueOf(version));
            new Select(manager.find("#from")).selectByValue(String.valueOf(version - 1));
            manager.find("#rules-diff").click();
            manager.until(d -> !d.findElements(By.id("rules-changes")).isEmpty());
            WebElement added = manager.until(d -> d.findElements(By.cssSelector("#rules-changes tbody tr")).stream()
                    .filter(r -> r.getText().contains(rule)).findFirst().orElse(null));
            assertThat(added.getAttribute("class")).contains("change-ADDED");
            assertThat(manager.all("#rules-changes tbody tr.change-CHANGED").stream().map(WebElement::getText))
                    .as("what the new rule does, beside its addition")
                    .anySatisfy(text -> assertThat(text).contains(rule, "关键词", word))
                    .anySatisfy(text -> assertThat(text).contains(rule, "分派部门", "CUSTOMER_SERVICE"));
            manager.assertAccessible("the rules' versions and their difference");
            manager.screenshot("admin-rule-versions");
        }
    }

    @Test
    void engineeringsHeadOpensTheOnDutyRosterAndAnAdministratorTheCalendarsAndProjects() {
        try (Browser head = Browser.open(system.url())) {
            head.signIn("ENG-HEAD");
            head.go("/admin/departments/ENGINEERING/on-duty");
            assertThat(head.find("h1").getText()).contains("工程维修部", "值班表");
            assertThat(head.all("#roster-save")).as("the head plans the roster").hasSize(1);
            head.assertAccessible("engineering's on-duty roster");
            head.screenshot("admin-on-duty");
        }
        try (Browser admin = Browser.open(system.url())) {
            admin.signIn("ADMIN01");
            admin.go("/admin/calendars");
            assertThat(admin.find("h1").getText()).isEqualTo("工作日历");
            assertThat(admin.all("[id^=calendar-]")).isNotEmpty();
            admin.assertAccessible("the calendars");
            admin.screenshot("admin-calendars");

            admin.go("/admin/projects");
            assertThat(admin.find("h1").getText()).isEqualTo("项目");
            assertThat(admin.find("#project-SH-LJY").getText()).contains("SH-LJY");
            admin.assertAccessible("the projects");
            admin.screenshot("admin-projects");
        }
    }
}
