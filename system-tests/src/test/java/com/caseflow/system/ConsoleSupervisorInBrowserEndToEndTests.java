package com.caseflow.system;

import com.caseflow.support.testing.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A supervisor's spot-checks in a real browser against the whole system: agents of S001's team record calls (one of
 * them rung by the phone platform, so it has measured times and a recording), S001 draws an ad-hoc sample (临时抽查)
 * over today on the workbench, opens its first contact, reads the record, the case's history and the recording,
 * meets a refusal in Chinese beside the comment, and scores every item, each save opening the next unscored one. The
 * agents' figures then show exactly the checks given: in evaluation's API (with S001's own token) and on 我的团队 for
 * this week. Every other test of the JVM may have recorded contacts of the same agents today: the sample is scored
 * whole and the expected figures are worked out from its items, so the numbers hold whatever else is there.
 * Workbench, item page and team page are checked with axe-core and photographed.
 */
class ConsoleSupervisorInBrowserEndToEndTests {

    private static final Pattern OUTCOME_STREAM = Pattern.compile("sse-connect=\"[^\"]*/contacts/([^/\"]+)/outcome\"");
    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?) 分");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static ConsoleSystem system;

    @BeforeAll
    static void startSystem() {
        system = ConsoleSystem.get();
    }

    @Test
    void aSupervisorScoresAnAdHocSampleAndTheAgentsFiguresShowTheScoresGiven() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String unique = Long.toString(System.nanoTime() % 100_000);

        // what evaluation counts of the two agents today before: other tests of this JVM may have recorded some
        Api evaluation = new Api(system.evaluationPort(), system.token("S001"));
        String day = "?from=" + today + "&to=" + today;
        long a001Cases = casesOpened(evaluation, "A001", day);
        long a002Cases = casesOpened(evaluation, "A002", day);

        // A001 records a repair call as the call form posts it; A002 answers a call the phone platform rings at them
        // and records it with the platform's times, and the platform's recording arrives when the caller hangs up
        ConsoleSession a001 = ConsoleSession.signIn(system.url(), "A001").withCsrfFrom("/calls/new");
        BenchmarkCalls calls = new BenchmarkCalls();
        List<String> typedContacts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, String> repair = calls.next();
            repair.put("phone", "139" + i + String.format("%07d", Long.parseLong(unique)));
            repair.put("unit", "17栋" + (i + 1) + "单元" + unique);
            typedContacts.add(record(a001, repair));
        }

        String caller = "1388" + String.format("%07d", Long.parseLong(unique));
        String callId = JSON.readTree(system.phone("/calls", """
                {"caller":"%s","agent":"A002"}""".formatted(caller))).get("callId").asString();
        system.phone("/calls/" + callId + "/answer", "{}");
        ConsoleSession a002 = ConsoleSession.signIn(system.url(), "A002").withCsrfFrom("/calls/new");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> a002.get("/calls/new?callId=" + callId).body().contains("id=\"timing-measured\""));
        Map<String, String> rung = new BenchmarkCalls().next();
        rung.put("callId", callId);
        rung.put("phone", caller);
        rung.put("unit", "18栋2单元" + unique);
        rung.put("matter", "卫生间地漏返水，楼下说天花板有水印");
        String measuredContact = record(a002, rung);
        system.phone("/calls/" + callId + "/hangup", "{}");

        // evaluation has folded both contacts and their cases before the sample is drawn: it draws from what it
        // has folded, and an item's case is the one it knew then
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() ->
                casesOpened(evaluation, "A001", day) >= a001Cases + 2 && casesOpened(evaluation, "A002", day) > a002Cases);

        try (Browser supervisor = Browser.open(system.url())) {
            supervisor.signIn("S001");
            supervisor.find("header.top a[href$='/spot-checks']").click();
            supervisor.until(d -> d.getCurrentUrl().contains("/spot-checks"));
            assertThat(supervisor.find("h1").getText()).isEqualTo("抽查工作台");
            supervisor.go("/spot-checks?week=" + today);

            // 临时抽查 over today, every contact of the day per agent; typed as a person types a date here (the
            // headless browser shows date fields in US order)
            typeDate(supervisor.find("#adhoc-from"), today);
            typeDate(supervisor.find("#adhoc-to"), today);
            assertThat(supervisor.find("#adhoc-from").getDomProperty("value")).isEqualTo(today.toString());
            supervisor.find("#adhoc-per-agent").clear();
            supervisor.find("#adhoc-per-agent").sendKeys("20");
            supervisor.find("form[action$='/spot-checks/ad-hoc'] button[type=submit]").click();
            String drawn = supervisor.until(d -> d.findElements(By.cssSelector("[role=status] .banner.ok")).stream()
                    .map(WebElement::getText).filter(t -> t.contains("已抽取临时抽查样本")).findFirst().orElse(null));
            WebElement article = supervisor.all("article.sample").stream()
                    .filter(a -> drawn.contains(a.getAttribute("id").substring("sample-".length())))
                    .findFirst().orElseThrow(() -> new AssertionError("the drawn sample on the page: " + drawn));
            String sampleId = article.getAttribute("id").substring("sample-".length());
            String sample = "#sample-" + cssEscaped(sampleId);
            assertThat(supervisor.find(sample + " h3").getText()).contains("临时抽查");
            assertThat(supervisor.find(sample + " .seed").getText()).matches("-?\\d+");
            Map<String, String> agentOf = new LinkedHashMap<>();
            for (WebElement row : supervisor.all(sample + " tbody tr")) {
                List<WebElement> cells = row.findElements(By.tagName("td"));
                agentOf.put(cells.get(1).getText(), cells.get(2).getText());
                assertThat(cells.get(3).getText()).isEqualTo(today.toString());
                assertThat(cells.get(7).getText()).isEqualTo("待评");
            }
            int items = agentOf.size();
            assertThat(agentOf).containsEntry(typedContacts.get(0), "A001").containsEntry(typedContacts.get(1), "A001")
                    .containsEntry(measuredContact, "A002");
            assertThat(agentOf.values()).allMatch(agent -> List.of("A001", "A002", "R002").contains(agent));
            assertThat(supervisor.find(sample + " .progress").getText()).isEqualTo("已评 0 / " + items + " 条");
            supervisor.assertAccessible("the spot-check workbench");
            supervisor.screenshot("spot-check-workbench");

            supervisor.find(sample + " tbody tr:first-child td a").click();
            Map<String, List<Double>> given = new LinkedHashMap<>();
            boolean refusalSeen = false;
            boolean recordingSeen = false;
            for (int k = 0; k < items; k++) {
                supervisor.until(d -> !d.findElements(By.id("scorecard")).isEmpty());
                String url = supervisor.driver.getCurrentUrl();
                String contactId = url.substring(url.lastIndexOf('/') + 1);
                String agentId = agentOf.get(contactId);
                assertThat(agentId).as("%s is an item of the sample", contactId).isNotNull();
                assertThat(supervisor.find("#position").getText()).contains("/ " + items, sampleId);
                assertThat(supervisor.find("#record").getText()).contains(agentId);

                if (contactId.equals(measuredContact)) {
                    // the record, the case routing opened and the platform's recording, which arrives at hang-up
                    WebElement link = supervisor.until(d -> {
                        List<WebElement> links = d.findElements(By.cssSelector("#recording a"));
                        if (links.isEmpty()) {
                            d.navigate().refresh();
                            return null;
                        }
                        return links.get(0);
                    });
                    assertThat(link.getAttribute("href")).endsWith("/phone/recordings/" + callId + ".wav");
                    assertThat(link.getText()).isEqualTo("打开通话录音");
                    String record = supervisor.find("#record").getText();
                    assertThat(record).contains("卫生间地漏返水", "实测", "18栋2单元" + unique)
                            .doesNotContain(caller);
                    assertThat(supervisor.find("#history").getText()).contains("分派");
                    recordingSeen = true;
                }
                int maxRating = supervisor.all("#scorecard fieldset").get(0)
                        .findElements(By.cssSelector("input[type=radio]")).size() - 1;
                List<Double> agentScores = given.computeIfAbsent(agentId, a -> new ArrayList<>());
                // every item of a contact alike, so its score is rating / maxRating × 100 whatever the weights; the
                // contacts in turn get 100, 80, 60, 100…
                int rating = maxRating - k % 3;
                double score = Math.round(rating * 1000.0 / maxRating) / 10.0;
                rate(supervisor, rating);

                if (!refusalSeen) {
                    // the first save carries a phone number in the comment: evaluation refuses it, the console says
                    // so in Chinese beside the comment and keeps what was chosen
                    supervisor.find("#comment").sendKeys("客户留了电话 13800138000，请回电");
                    supervisor.find("#scorecard button[type=submit]").click();
                    supervisor.until(d -> !d.findElements(By.id("comment-error")).isEmpty());
                    assertThat(supervisor.find("#comment-error").getText()).contains("电话号码");
                    assertThat(supervisor.find("#comment").getAttribute("aria-describedby")).isEqualTo("comment-error");
                    assertThat(supervisor.all("#scorecard input[type=radio]:checked"))
                            .hasSize(supervisor.all("#scorecard fieldset").size());
                    assertThat(supervisor.driver.getCurrentUrl()).endsWith("/" + contactId);
                    supervisor.assertAccessible("the scorecard refused beside the comment");
                    supervisor.find("#comment").clear();
                    refusalSeen = true;
                }
                supervisor.find("#comment").sendKeys("开场问候规范，记录完整");
                if (contactId.equals(measuredContact)) {
                    supervisor.assertAccessible("a contact of the sample with its record, case and recording");
                    supervisor.screenshot("spot-check-item");
                }
                supervisor.find("#scorecard button[type=submit]").click();
                supervisor.until(d -> !d.getCurrentUrl().endsWith("/" + contactId)
                        || !d.findElements(By.id("check")).isEmpty());
                agentScores.add(score);
                String saved = supervisor.until(d -> d.findElements(By.cssSelector("[role=status] .banner.ok"))
                        .stream().map(WebElement::getText).filter(t -> t.contains(contactId)).findFirst()
                        .orElse(null));
                Matcher number = NUMBER.matcher(saved);
                assertThat(number.find()).as("a score in %s", saved).isTrue();
                assertThat(Double.parseDouble(number.group(1))).isEqualTo(score);
            }
            assertThat(recordingSeen).as("the measured contact was among the items").isTrue();

            // the last save goes back to the sample's week: all scored
            supervisor.until(d -> d.getCurrentUrl().contains("/spot-checks?week="));
            assertThat(supervisor.find("[role=status]").getText()).contains("本样本已全部评完");
            assertThat(supervisor.find(sample + " .progress").getText())
                    .isEqualTo("已评 " + items + " / " + items + " 条");
            assertThat(supervisor.find(sample + " progress").getAttribute("value")).isEqualTo(String.valueOf(items));
            assertThat(supervisor.all(sample + " tbody tr").stream()
                    .map(row -> row.findElements(By.tagName("td")).get(7).getText())).containsOnly("已评");

            // evaluation's figures of each agent for today: the number of checks given and their average, exactly —
            // as ad-hoc checks, shown beside the KPI, which weighs the regular sample only (none drawn today)
            given.forEach((agentId, scores) -> {
                double average = scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                JsonNode kpis = await().atMost(WAIT).pollInterval(Duration.ofSeconds(1))
                        .until(() -> evaluation.get("/api/v1/reports/agents/" + agentId + day).json().get("kpis"),
                                k -> k.get("spotChecks").asLong() == scores.size());
                assertThat(kpis.get("adHocSpotChecks").asLong()).isEqualTo(scores.size());
                assertThat(kpis.get("adHocSpotCheckAverage").asDouble()).as("%s's ad-hoc average", agentId)
                        .isCloseTo(average, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(kpis.get("regularSpotChecks").asLong()).isZero();
                assertThat(kpis.path("spotCheckAverage").isNumber()).as("no regular check, no KPI").isFalse();
                assertThat(kpis.get("criticalFailures").asLong()).isZero();
            });

            // 我的团队, this week: the same figures as the supervisor reads them
            supervisor.go("/team");
            supervisor.find("#team-next").click();
            supervisor.until(d -> d.getCurrentUrl().contains("/team?week="));
            LocalDate monday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            assertThat(supervisor.find("#team-period").getText()).contains(monday + " 至 " + monday.plusDays(6));
            assertThat(supervisor.all("#team-next")).as("no week after this one").isEmpty();
            assertThat(Long.parseLong(supervisor.find("#team-spot-checks").getText())).isEqualTo(items);
            given.forEach((agentId, scores) -> {
                double average = scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                List<WebElement> cells = supervisor.find("#agent-" + agentId).findElements(By.tagName("td"));
                assertThat(cells.get(4).getText()).as("%s's 抽查均分 (regular)", agentId).isEqualTo("—");
                assertThat(cells.get(5).getText()).as("%s's 临时抽查均分", agentId)
                        .isEqualTo(String.format(Locale.ROOT, "%.1f（%d 条）", average, scores.size()));
                assertThat(cells.get(6).getText()).isEqualTo("0");
                // the change over the four weeks: none with a score in one week only (another browser test publishes
                // last week's facts of some agents, whose change is then a number)
                List<String> weeks = cells.subList(cells.size() - 5, cells.size() - 1).stream()
                        .map(WebElement::getText).toList();
                String change = cells.get(cells.size() - 1).getText();
                if (weeks.stream().filter(w -> !w.equals("—")).count() <= 1) {
                    assertThat(change).as("%s's change with one week scored", agentId).isEqualTo("—");
                } else {
                    assertThat(change).as("%s's change", agentId).matches("[+-]?\\d+\\.\\d");
                }
            });
            supervisor.assertAccessible("the team page");
            supervisor.screenshot("team");
        }
    }

    private static long casesOpened(Api evaluation, String agentId, String day) {
        Api.Response report = evaluation.get("/api/v1/reports/agents/" + agentId + day);
        assertThat(report.status()).as("%s's report: %s", agentId, report.raw().body()).isEqualTo(200);
        return report.json().get("counters").get("casesOpened").asLong();
    }

    /** The contact the agent's call form recorded, from the outcome stream its answer connects to. */
    private static String record(ConsoleSession agent, Map<String, String> call) {
        HttpResponse<String> answer = agent.htmxPost("/calls", call);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("已登记");
        Matcher stream = OUTCOME_STREAM.matcher(answer.body());
        assertThat(stream.find()).as("the outcome stream in the answer").isTrue();
        String contactId = stream.group(1);
        assertThat(agent.awaitEvent("/contacts/" + contactId + "/outcome", "outcome")).as("routed")
                .hasValueSatisfying(outcome -> assertThat(outcome).contains("工程维修部"));
        return contactId;
    }

    /** Every item of the scorecard rated alike, by clicking its radio as a person would. */
    private static void rate(Browser supervisor, int rating) {
        for (WebElement fieldset : supervisor.all("#scorecard fieldset")) {
            fieldset.findElement(By.cssSelector("input[type=radio][value='" + rating + "']")).click();
        }
    }

    /** A date typed into a date field the way the headless browser lays it out (month, day, year). */
    private static void typeDate(WebElement field, LocalDate date) {
        field.sendKeys(String.format("%02d%02d%04d", date.getMonthValue(), date.getDayOfMonth(), date.getYear()));
    }

    private static String cssEscaped(String id) {
        return id.replaceAll("([^A-Za-z0-9_-])", "\\\\$1");
    }
}
