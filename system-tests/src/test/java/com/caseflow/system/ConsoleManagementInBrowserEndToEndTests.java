package com.caseflow.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The managers' pages of the console in a real browser against the whole system, evaluation included: after agents
 * have recorded calls, a manager opens the dashboard of the current month, reads the charts' table equivalents, drills
 * from a department's open cases to the list of them and downloads a view as an Excel workbook. The dashboard is
 * checked with axe-core and photographed (target/screenshots).
 */
class ConsoleManagementInBrowserEndToEndTests {

    private static final Pattern OUTCOME_STREAM = Pattern.compile("sse-connect=\"([^\"]+/outcome)\"");
    private static final Pattern CASE = Pattern.compile("data-case=\"([^\"]+)\"");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static ConsoleSystem system;

    @BeforeAll
    static void startSystem() {
        system = ConsoleSystem.get();
    }

    @Test
    void aManagerReadsTheMonthDrillsIntoADepartmentsOpenCasesAndDownloadsAView() {
        // two repair calls, recorded by an agent as the call form posts them: engineering gets a case for each
        ConsoleSession agent = ConsoleSession.signIn(system.url(), "A001").withCsrfFrom("/calls/new");
        BenchmarkCalls calls = new BenchmarkCalls();
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            cases.add(caseOf(agent, calls.next()));
        }

        try (Browser manager = Browser.open(system.url())) {
            manager.signIn("M001");
            manager.go("/dashboard");
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            assertThat(manager.find("main").getText()).contains(today.withDayOfMonth(1) + " 至 " + today);

            // evaluation folds the contacts from Kafka and routing counts the cases: the figures arrive in their time
            manager.until(d -> {
                d.get(system.url() + "/dashboard");
                return agentContacts(d, "A001") >= 2 && openCases(d, "ENGINEERING") >= 2;
            });
            manager.until(d -> !d.findElements(By.cssSelector("#chart-agents canvas")).isEmpty()
                    && !d.findElements(By.cssSelector("#chart-cases canvas")).isEmpty()
                    && !d.findElements(By.cssSelector("#chart-channels canvas")).isEmpty());
            assertThat(manager.find("#chart-cases").getAttribute("data-chart"))
                    .as("a bar of the open/overdue chart opens the department's list")
                    .contains("/dashboard/cases?department=ENGINEERING");
            manager.assertAccessible("the dashboard");
            manager.screenshot("dashboard");

            // the table equivalents, opened as a screen-reader or keyboard user opens them
            for (WebElement summary : manager.all("main details > summary")) {
                summary.click();
            }
            manager.until(d -> d.findElements(By.cssSelector("main details:not([open])")).isEmpty());
            WebElement agents = manager.find("section[aria-labelledby=h-agents] table");
            assertThat(agents.getText()).contains("A001");
            WebElement channels = manager.find("section[aria-labelledby=h-contacts] table");
            assertThat(channels.getText()).contains("接电");
            assertThat(Long.parseLong(channels.findElement(By.cssSelector("tbody tr:first-child td")).getText()))
                    .isGreaterThanOrEqualTo(2);
            WebElement engineering = manager.find("section[aria-labelledby=h-cases] tr[data-department=ENGINEERING]");
            assertThat(engineering.getText()).contains("工程维修部");
            manager.assertAccessible("the dashboard with its tables open");

            // drill: a click on engineering's bar of open cases in the chart opens the list of them, the two recorded
            // above among them
            WebElement chart = manager.find("#chart-cases");
            JavascriptExecutor script = (JavascriptExecutor) manager.driver;
            script.executeScript("arguments[0].scrollIntoView({block: 'center'})", chart);
            @SuppressWarnings("unchecked")
            List<Number> bar = (List<Number>) script.executeScript("""
                    const element = arguments[0];
                    const spec = JSON.parse(element.dataset.chart);
                    const i = spec.categories.indexOf(arguments[1]);
                    return echarts.getInstanceByDom(element)
                        .convertToPixel({seriesIndex: 0}, [i, spec.series[0].data[i] / 2]);
                    """, chart, "工程维修部");
            Rectangle box = chart.getRect();
            new Actions(manager.driver).moveToElement(chart, bar.get(0).intValue() - box.getWidth() / 2,
                    bar.get(1).intValue() - box.getHeight() / 2).click().perform();
            manager.until(d -> d.getCurrentUrl().contains("/dashboard/cases?department=ENGINEERING"));
            assertThat(manager.find("h1").getText()).contains("未结案件", "工程维修部");
            for (String caseId : cases) {
                assertThat(manager.all("tr[data-case='" + caseId + "']")).as("case %s in the list", caseId).hasSize(1);
            }
            manager.assertAccessible("a department's open cases");

            // a view downloaded as Excel, fetched as the link's download would be, with the manager's session
            manager.go("/dashboard");
            String link = manager.find("p.downloads a[href*='/dashboard/export/agents']").getAttribute("href");
            assertThat(link).contains("from=" + today.withDayOfMonth(1), "to=" + today);
            @SuppressWarnings("unchecked")
            Map<String, Object> download = (Map<String, Object>) ((JavascriptExecutor) manager.driver)
                    .executeAsyncScript("""
                            const done = arguments[arguments.length - 1];
                            fetch(arguments[0]).then(r => r.arrayBuffer().then(body => {
                              const bytes = new Uint8Array(body);
                              let text = '';
                              for (let i = 0; i < bytes.length; i += 8192) {
                                text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
                              }
                              done({status: r.status, type: r.headers.get('Content-Type'),
                                    disposition: r.headers.get('Content-Disposition'), body: btoa(text)});
                            }), e => done({status: -1, type: String(e)}));
                            """, link);
            assertThat(download.get("status")).isEqualTo(200L);
            assertThat((String) download.get("type")).startsWith(XLSX);
            assertThat((String) download.get("disposition")).contains("attachment", ".xlsx");
            byte[] workbook = Base64.getDecoder().decode((String) download.get("body"));
            assertThat(workbook).startsWith((byte) 'P', (byte) 'K', (byte) 3, (byte) 4);
            assertThat(entries(workbook)).contains("[Content_Types].xml", "xl/workbook.xml");
        }
    }

    /** The case routing opened for a call the agent recorded, as the call page's outcome stream shows it. */
    private static String caseOf(ConsoleSession agent, Map<String, String> call) {
        HttpResponse<String> answer = agent.htmxPost("/calls", call);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("已登记");
        Matcher stream = OUTCOME_STREAM.matcher(answer.body());
        assertThat(stream.find()).as("the outcome stream in the answer").isTrue();
        Optional<String> outcome = agent.awaitEvent(stream.group(1), "outcome");
        assertThat(outcome).as("an outcome on the stream").isPresent();
        assertThat(outcome.get()).contains("工程维修部");
        Matcher caseId = CASE.matcher(outcome.get());
        assertThat(caseId.find()).as("a case number in %s", outcome.get()).isTrue();
        return caseId.group(1);
    }

    /** The agent's contacts in the agents' table (closed or open), or -1 while the agent is not in it. */
    private static long agentContacts(WebDriver page, String agentId) {
        return page.findElements(By.cssSelector("section[aria-labelledby=h-agents] tbody tr")).stream()
                .filter(row -> agentId.equals(textOf(row.findElement(By.tagName("th")))))
                .mapToLong(row -> Long.parseLong(textOf(row.findElement(By.tagName("td")))))
                .findFirst().orElse(-1);
    }

    /** The department's open cases in the cases' table, or -1 while the department is not in it. */
    private static long openCases(WebDriver page, String department) {
        return page.findElements(By.cssSelector("section[aria-labelledby=h-cases] tr[data-department='"
                        + department + "'] td a")).stream()
                .mapToLong(link -> Long.parseLong(textOf(link)))
                .findFirst().orElse(-1);
    }

    /** An element's text whether or not its table is open (a closed details element hides it from getText). */
    private static String textOf(WebElement element) {
        return element.getDomProperty("textContent").strip();
    }

    private static List<String> entries(byte[] zip) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
