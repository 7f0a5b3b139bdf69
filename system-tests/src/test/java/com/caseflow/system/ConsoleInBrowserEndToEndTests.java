package com.caseflow.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The console in a real browser against the whole system: an agent records a call with the ring timer and sees its
 * case number appear; engineering's open queue shows the case without a reload, accepts and resolves it; customer
 * service records an unsatisfied callback and sees the case reopen; the case is back in engineering's queue; the
 * caller's next call shows the case's status beside the form. Each screen is checked with axe-core and photographed
 * (target/screenshots; the docs use these).
 */
class ConsoleInBrowserEndToEndTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ConsoleSystem system;

    @BeforeAll
    static void startSystem() {
        system = ConsoleSystem.get();
    }

    @Test
    void aCallIsRoutedWorkedCalledBackReopenedAndAnsweredForOnTheNextCall() {
        String phone = "13912345601";
        try (Browser agent = Browser.open(system.url()); Browser engineer = Browser.open(system.url())) {
            engineer.signIn("D-ENG-01");
            assertThat(engineer.driver.getCurrentUrl()).endsWith("/queue");
            agent.signIn("A001");
            assertThat(agent.driver.getCurrentUrl()).endsWith("/calls/new");

            agent.find("[data-ring-button]").click();
            agent.find("[data-answer-button]").click();
            assertThat(agent.find("[data-ring-timer]").getText()).contains("✔");
            agent.find("#phone").sendKeys(phone);
            agent.find("#callerName").sendKeys("<script>alert(1)</script>王先生");
            new Select(agent.find("#projectCode")).selectByValue("HZ-XXH");
            agent.until(d -> d.findElement(By.id("project-facts")).getText().contains("户型"));
            agent.find("#unit").sendKeys("8栋1单元302");
            new Select(agent.find("#category")).selectByValue("REPAIR");
            agent.find("#matter").sendKeys("厨房水龙头坏了，一直滴水");
            agent.find("#greetingGiven1").click();
            agent.until(d -> d.findElement(By.id("caller")).getText().contains("首次来电"));
            agent.screenshot("call-form");
            agent.assertAccessible("the call form");

            new Actions(agent.driver).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
            String caseId = agent.until(d -> d.findElements(By.cssSelector("#recorded .outcome[data-case]"))
                    .stream().findFirst().map(outcome -> outcome.getAttribute("data-case")).orElse(null));
            assertThat(agent.find("#recorded .outcome").getText()).contains("已立案", caseId, "工程维修部");
            assertThat(agent.find("#phone").getAttribute("value")).as("the form is ready for the next call").isEmpty();
            agent.screenshot("call-recorded");

            // engineering's queue page was open all along: the case arrives without a reload (the table is swapped
            // whenever the department's cases change, so each look finds the row afresh)
            String row = "tr[data-case='" + caseId + "']";
            engineer.until(d -> d.findElements(By.cssSelector(row)).stream()
                    .anyMatch(r -> r.getText().contains("厨房水龙头坏了") && r.getText().contains("待受理")));
            engineer.screenshot("queue");
            engineer.assertAccessible("the department queue");

            engineer.until(d -> {
                d.findElement(By.cssSelector(row + " a")).click();
                return true;
            });
            engineer.until(d -> d.getCurrentUrl().endsWith("/cases/" + caseId));
            assertThat(engineer.find("dl.facts").getText()).as("a caller's markup is text")
                    .contains("<script>alert(1)</script>王先生");
            assertThatThrownBy(() -> engineer.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            engineer.find("form[action$='/accept'] button").click();
            engineer.until(d -> !d.findElements(By.id("resolution")).isEmpty());
            engineer.find("#note").sendKeys("已约师傅明天上午上门");
            engineer.find("form[action$='/notes'] button").click();
            engineer.until(d -> d.findElement(By.cssSelector("ol.timeline")).getText().contains("已约师傅明天上午上门"));
            engineer.find("#resolution").sendKeys("已更换水龙头");
            engineer.screenshot("case");
            engineer.assertAccessible("the case page");
            engineer.find("form[action$='/resolve'] button").click();
            engineer.until(d -> d.findElement(By.cssSelector("dl.facts")).getText().contains("已更换水龙头"));
            engineer.go("/queue");

            // customer service calls the customer back; the customer is not satisfied
            agent.signOut();
            agent.signIn("D-CS-01");
            WebElement callback = agent.until(d -> {
                d.get(system.url() + "/callbacks");
                return d.findElements(By.cssSelector("tbody tr")).stream()
                        .filter(r -> r.getText().contains(caseId)).findFirst()
                        .map(r -> r.findElement(By.tagName("a"))).orElse(null);
            });
            agent.screenshot("callbacks");
            agent.assertAccessible("the callback queue");
            callback.click();
            agent.until(d -> !d.findElements(By.id("comment")).isEmpty());
            agent.find("input[name=satisfaction][value='1']").click();
            agent.find("input[name=resolved][value='false']").click();
            agent.find("#comment").sendKeys("还在滴水");
            agent.assertAccessible("the callback form");
            agent.find("form.outcome-form button").click();
            agent.until(d -> d.findElements(By.cssSelector("#case-live .reopened")).stream()
                    .anyMatch(reopened -> reopened.getText().contains("重新打开")
                            && reopened.getText().contains("工程维修部")));
            agent.screenshot("callback");

            // the case is back in engineering's queue, again without a reload
            engineer.until(d -> d.findElements(By.cssSelector("tr[data-case='" + caseId + "']")).size() == 1);

            // the caller rings again: the agent sees where the repair stands while typing the number
            agent.signOut();
            agent.signIn("A001");
            agent.find("#phone").sendKeys(phone);
            agent.until(d -> {
                String caller = d.findElement(By.id("caller")).getText();
                return caller.contains(caseId) && caller.contains("工程维修部") && caller.contains("已约师傅明天上午上门");
            });
            agent.screenshot("call-caller-status");
        }
    }

    @Test
    void aRingingCallPopsUpIsRecordedWithMeasuredTimesAndAMissedCallIsCalledBack() {
        String caller = "13912345611";
        String missed = "13912345612";
        try (Browser agent = Browser.open(system.url())) {
            agent.signIn("A002");
            assertThat(agent.driver.getCurrentUrl()).endsWith("/calls/new");

            // the phone platform (infra's simulator) rings the call at A002 and posts the signed events to intake
            String callId = JSON.readTree(system.phone("/calls", """
                    {"caller":"%s","agent":"A002"}""".formatted(caller))).get("callId").asString();
            String pop = "#call-pop-panel[data-call-id='" + callId + "']";
            agent.until(d -> d.findElements(By.cssSelector(pop + "[data-call-state=RINGING]")).stream()
                    .anyMatch(panel -> panel.getText().contains(caller)));
            agent.until(d -> !d.findElement(By.id("call-pop-caller")).getText().isBlank());
            agent.screenshot("screen-pop");
            agent.assertAccessible("the screen pop");

            system.phone("/calls/" + callId + "/answer", "{}");
            agent.until(d -> !d.findElements(By.cssSelector(pop + "[data-call-state=ANSWERED]")).isEmpty());
            agent.until(d -> {
                d.findElement(By.id("call-pop-answer")).click();
                return true;
            });
            agent.until(d -> d.getCurrentUrl().contains("callId=" + callId));
            assertThat(agent.find("#timing-measured").getText()).contains("实测");
            assertThat(agent.find("#callId").getAttribute("value")).isEqualTo(callId);
            assertThat(agent.find("#phone").getAttribute("value")).isEqualTo(caller);
            agent.find("#callerName").sendKeys("孙丽");
            new Select(agent.find("#projectCode")).selectByValue("SH-LJY");
            agent.find("#unit").sendKeys("5栋2单元602");
            new Select(agent.find("#category")).selectByValue("INQUIRY");
            agent.find("#matter").sendKeys("咨询物业费缴纳方式");
            agent.find("#greetingGiven1").click();
            agent.screenshot("call-form-measured");
            agent.assertAccessible("the call form with measured times");
            new Actions(agent.driver).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
            agent.until(d -> !d.findElements(By.cssSelector("#recorded-timing[data-timing=MEASURED]")).isEmpty());
            system.phone("/calls/" + callId + "/hangup", "{}");

            // a caller who hangs up before anyone answers becomes a call-back task for customer service
            String missedId = JSON.readTree(system.phone("/calls", """
                    {"caller":"%s","agent":"A002"}""".formatted(missed))).get("callId").asString();
            String missedPop = "#call-pop-panel[data-call-id='" + missedId + "']";
            agent.until(d -> !d.findElements(By.cssSelector(missedPop + "[data-call-state=RINGING]")).isEmpty());
            system.phone("/calls/" + missedId + "/hangup", "{}");
            agent.until(d -> d.findElements(By.cssSelector(missedPop + "[data-call-state=ABANDONED]")).stream()
                    .anyMatch(panel -> panel.getText().contains("回拨任务")));

            WebElement task = agent.until(d -> {
                d.get(system.url() + "/missed-calls");
                return d.findElements(By.cssSelector("[id^=missed-]")).stream()
                        .filter(row -> row.getText().contains(missed)).findFirst().orElse(null);
            });
            String taskId = task.getAttribute("id").substring("missed-".length());
            agent.screenshot("missed-calls");
            agent.assertAccessible("the missed calls");
            agent.find("#outcome-" + taskId + "-REACHED").click();
            agent.find("#note-" + taskId).sendKeys("已回拨，客户询问交房时间");
            agent.find("#missed-" + taskId + " button[type=submit]").click();
            agent.until(d -> !d.findElements(By.id("missed-recorded")).isEmpty()
                    && d.findElements(By.id("missed-" + taskId)).isEmpty());
        }
    }

    @Test
    void aReceptionAgentRecordsAVisitAndFindsItInTheirDay() {
        try (Browser reception = Browser.open(system.url())) {
            reception.signIn("R002");
            reception.go("/visits/new");
            reception.find("[data-now-into=arrivedAt]").click();
            reception.find("[data-now-into=greetedAt]").click();
            reception.find("#phone").sendKeys("021-58881234");
            reception.find("#visitorName").sendKeys("李娜");
            reception.find("#organisation").sendKeys("业主委员会");
            new Select(reception.find("#projectCode")).selectByValue("SH-LJY");
            new Select(reception.find("#category")).selectByValue("HANDOVER");
            reception.find("#hostedBy").sendKeys("交付部 陈经理");
            reception.find("#purpose").sendKeys("咨询交房时间和需要带的材料");
            reception.find("input[name=settledOnVisit][value=true]").click();
            reception.until(d -> d.findElement(By.id("caller")).getText().contains("首次来电"));
            reception.until(d -> d.findElement(By.id("project-facts")).getText().contains("户型"));
            reception.screenshot("visit-form");
            reception.assertAccessible("the visit form");
            new Actions(reception.driver).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
            WebElement recorded = reception.until(d -> d.findElements(By.cssSelector("#recorded .settled")).stream()
                    .findFirst().orElse(null));
            assertThat(recorded.getText()).contains("当场办结");

            new Actions(reception.driver).keyDown(Keys.ALT).sendKeys("d").keyUp(Keys.ALT).perform();
            reception.until(d -> d.getCurrentUrl().endsWith("/my-day"));
            assertThat(reception.find("main").getText()).contains("李娜", "咨询交房时间", "接访 1");
            assertThat(reception.find("#fcr").getText()).isEqualTo("100%");
            reception.screenshot("my-day");
            reception.assertAccessible("my day");
        }
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefused() {
        try (Browser agent = Browser.open(system.url())) {
            agent.signIn("A002");
            Object status = ((JavascriptExecutor) agent.driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/calls', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                        body: 'phone=13912345602&callerName=x&matter=x&settledOnCall=false', redirect: 'manual'})
                      .then(r => done(r.status), e => done(String(e)));
                    """);
            assertThat(status).isEqualTo(403L);
        }
    }

    @Test
    void aScreenOfAnotherRoleIsAForbiddenPage() {
        try (Browser agent = Browser.open(system.url())) {
            agent.signIn("A002");
            agent.go("/callbacks");
            assertThat(agent.find("main").getText()).contains("无权访问");
            agent.screenshot("forbidden");
            List<WebElement> menu = agent.all("header.top nav a");
            assertThat(menu).extracting(WebElement::getText)
                    .containsExactly("接电登记", "接访登记", "我的今日", "未接来电", "培训");
        }
    }
}
