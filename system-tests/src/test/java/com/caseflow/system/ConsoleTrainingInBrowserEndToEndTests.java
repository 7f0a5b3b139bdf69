package com.caseflow.system;

import com.caseflow.events.CloudEventHeaders;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.followup.CustomerFeedbackRecorded;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation regime's loop in a real browser against the whole system: last week's facts of two agents of S001's
 * team reach evaluation over Kafka as intake and follow-up publish them (one agent weak, one excellent); the manager
 * runs last week's evaluation in the console, confirms nothing blindly (an override without a reason is refused beside
 * the field, then given with one), follows the weak agent's TRAINING outcome to its assignment, and the supervisor —
 * the trainer — finds it in 培训 and records it as given. The training list and the decision form are checked with
 * axe-core and photographed ({@code training}, {@code evaluation-decision}).
 */
class ConsoleTrainingInBrowserEndToEndTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Both in S001's team (evaluation's application.yml); no other browser test records anything last week. */
    private static final String WEAK = "A002";
    private static final String EXCELLENT = "A001";
    private static ConsoleSystem system;

    @BeforeAll
    static void startSystem() {
        system = ConsoleSystem.get();
    }

    @Test
    void aWeakWeekBecomesTrainingTheTrainerCompletesItAndAManagerOverridesACommendationWithAReason() {
        LocalDate monday = LocalDate.now(SHANGHAI).minusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = monday.plusDays(6);
        publishWeek(monday);
        String weakEvaluation = "AGENT." + WEAK + ".WEEK." + monday;
        String excellentEvaluation = "AGENT." + EXCELLENT + ".WEEK." + monday;
        String assignmentId = "TRAINING." + weakEvaluation;

        try (Browser manager = Browser.open(system.url())) {
            manager.signIn("M001");
            // evaluation folds both topics in its own time: the week's contacts and the callbacks' satisfaction
            manager.until(d -> {
                d.get(system.url() + "/dashboard?from=" + monday + "&to=" + sunday);
                return "4".equals(agentCell(d, WEAK, 1)) && "4".equals(agentCell(d, EXCELLENT, 1))
                        && !"—".equals(agentCell(d, WEAK, 4)) && !"—".equals(agentCell(d, EXCELLENT, 4));
            });

            // the manager runs last week's evaluation from the console's form
            manager.go("/evaluations");
            new Select(manager.find("#run-period-type")).selectByValue("WEEK");
            ((JavascriptExecutor) manager.driver).executeScript("arguments[0].value = arguments[1]",
                    manager.find("#run-start"), monday.toString());
            manager.find("form.run-form button[type=submit]").click();
            manager.until(d -> !d.findElements(By.cssSelector("#run-result p.notice")).isEmpty());
            assertThat(manager.find("#run-result").getText()).contains(monday + " 至 " + sunday);

            WebElement weak = row(manager, weakEvaluation);
            assertThat(weak.findElement(By.cssSelector("td.recommended")).getText()).contains("培训");
            assertThat(weak.getText()).contains("三声内接听率");
            assertThat(weak.findElements(By.cssSelector("td.decision form"))).as("training is not decided").isEmpty();
            WebElement excellent = row(manager, excellentEvaluation);
            assertThat(excellent.findElement(By.cssSelector("td.recommended")).getText()).contains("表彰奖励");
            assertThat(excellent.findElement(By.cssSelector("td.decision")).getText()).contains("待决定");

            // an override with no reason: evaluation's refusal beside the reason, in Chinese, the choice kept
            excellent.findElement(By.cssSelector("td.decision summary")).click();
            excellent.findElement(By.cssSelector("input[name=decision][value=OVERRIDDEN]")).click();
            new Select(excellent.findElement(By.cssSelector("select[name=outcome]"))).selectByValue("NONE");
            excellent.findElement(By.cssSelector("td.decision button[type=submit]")).click();
            manager.until(d -> !d.findElements(By.id("decision-reason-error")).isEmpty());
            assertThat(manager.find("#decision-reason-error").getText()).contains("改判时请填写理由");
            WebElement refused = row(manager, excellentEvaluation);
            assertThat(refused.findElement(By.cssSelector("input[name=decision][value=OVERRIDDEN]")).isSelected())
                    .isTrue();
            manager.assertAccessible("the decision form with evaluation's refusal");
            screenshotOf(manager, refused, "evaluation-decision");

            refused.findElement(By.cssSelector("textarea[name=reason]")).sendKeys("表扬来自本人亲属，不予表彰");
            refused.findElement(By.cssSelector("td.decision button[type=submit]")).click();
            manager.until(d -> d.findElements(By.id("decision-reason-error")).isEmpty()
                    && !d.findElements(By.cssSelector("#run-result p.notice")).isEmpty());
            WebElement decided = row(manager, excellentEvaluation).findElement(By.cssSelector("td.decision"));
            assertThat(decided.getText()).contains("改判", "无", "M001", "表扬来自本人亲属，不予表彰");
            assertThat(row(manager, excellentEvaluation).findElement(By.cssSelector("td.recommended")).getText())
                    .as("the recommendation stays beside the decision").contains("表彰奖励");

            // the TRAINING outcome leads to its assignment, made when evaluation reads its own outcome back
            row(manager, weakEvaluation).findElement(By.cssSelector("a.training-link")).click();
            manager.until(d -> {
                if (d.findElements(By.id("assignment")).isEmpty()) {
                    d.navigate().refresh();
                    return false;
                }
                return true;
            });
            assertThat(manager.find("#assignment").getText()).contains(WEAK, "专项培训", "S001", "待培训");
        }

        try (Browser supervisor = Browser.open(system.url())) {
            supervisor.signIn("S001");
            supervisor.find("#nav-training").click();
            supervisor.until(d -> d.getCurrentUrl().contains("/training"));
            WebElement listed = supervisor.find("tr[data-assignment='" + assignmentId + "']");
            assertThat(listed.getText()).contains(WEAK, "三声内接听率", "专项培训", "S001", "待培训");
            supervisor.assertAccessible("the training list");
            supervisor.screenshot("training");

            listed.findElement(By.cssSelector("a")).click();
            supervisor.until(d -> !d.findElements(By.id("training-note")).isEmpty());
            // a phone number in the note is refused beside it, in Chinese, and what was typed stays
            supervisor.find("#training-note").sendKeys("已回访客户 13812345678");
            supervisor.find("form.completion-form button[type=submit]").click();
            supervisor.until(d -> !d.findElements(By.id("note-error")).isEmpty());
            assertThat(supervisor.find("#note-error").getText()).contains("不能包含电话号码");
            assertThat(supervisor.find("#training-note").getDomProperty("value")).contains("已回访客户");

            WebElement note = supervisor.find("#training-note");
            note.clear();
            note.sendKeys("已完成三声接听与记录规范演练");
            supervisor.find("form.completion-form button[type=submit]").click();
            supervisor.until(d -> !d.findElements(By.cssSelector("#training-status-message p.notice")).isEmpty());
            assertThat(supervisor.find("#assignment-status").getText()).isEqualTo("已完成");
            assertThat(supervisor.find("#assignment").getText()).contains("已完成三声接听与记录规范演练", "S001");
            assertThat(supervisor.all("#training-note")).as("completed once").isEmpty();
        }

        // evaluation's own list, filtered by status there, holds the assignment as COMPLETED
        ConsoleSession manager = ConsoleSession.signIn(system.url(), "M001");
        HttpResponse<String> completed = manager.get("/training?status=COMPLETED&agentId=" + WEAK);
        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(completed.body()).contains("data-assignment=\"" + assignmentId + "\"", "已完成");
        assertThat(manager.get("/training?status=ASSIGNED&agentId=" + WEAK).body())
                .doesNotContain("data-assignment=\"" + assignmentId + "\"");

        // after the training A002 answers well: this week's (provisional) evaluation shows each weak KPI before → after
        // (the other browser tests may have had A002 answer calls this week too: only the base scores are certain)
        LocalDate thisMonday = monday.plusWeeks(1);
        String thisWeek = "/dashboard?from=" + thisMonday + "&to=" + LocalDate.now(SHANGHAI);
        try (Browser again = Browser.open(system.url())) {
            again.signIn("M001");
            again.go(thisWeek);
            String before = agentCell(again.driver, WEAK, 1);
            long earlier = before.isEmpty() ? 0 : Long.parseLong(before);
            publishGoodCalls(WEAK);
            again.until(d -> {
                d.get(system.url() + thisWeek);
                String contacts = agentCell(d, WEAK, 1);
                return !contacts.isEmpty() && Long.parseLong(contacts) >= earlier + 2
                        && !"—".equals(agentCell(d, WEAK, 4));
            });
            again.go("/evaluations");
            new Select(again.find("#run-period-type")).selectByValue("WEEK");
            ((JavascriptExecutor) again.driver).executeScript("arguments[0].value = arguments[1]",
                    again.find("#run-start"), thisMonday.toString());
            again.find("form.run-form button[type=submit]").click();
            again.until(d -> !d.findElements(By.cssSelector("#run-result p.notice")).isEmpty());
            WebElement followUp = row(again, "AGENT." + WEAK + ".WEEK." + thisMonday)
                    .findElement(By.cssSelector("td.follow-up"));
            assertThat(followUp.getText()).contains("专项培训")
                    .containsPattern("三声内接听率 25\\.0 → [0-9.]+（(已提高|未提高)）")
                    .containsPattern("记录完整率 50\\.0 → [0-9.]+（(已提高|未提高)）")
                    .containsPattern("客户满意度 25\\.0 → [0-9.]+（(已提高|未提高)）");
            if (earlier == 0) {
                assertThat(followUp.getText()).as("only the calls after the training this week")
                        .contains("三声内接听率 25.0 → 100.0（已提高）");
            }
            assertThat(followUp.findElement(By.tagName("a")).getAttribute("href")).endsWith("/training/" + assignmentId);
        }
    }

    /** Two well-answered, fully recorded calls and a happy callback of the agent, a minute ago. */
    private static void publishGoodCalls(String agent) {
        Instant at = Instant.now().minusSeconds(60);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBrokers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 2; i++) {
                publish(producer, Topics.CONTACTS, "intake-service", new ContactReceived(UUID.randomUUID().toString(),
                        Channel.PHONE, agent, at, null, null, 2, true, true, null, null, null, "王小明",
                        CallerType.OWNER, "13812345678", null, "SH-LJY", null, "咨询交房时间", ContactCategory.INQUIRY,
                        true, true));
            }
            String caseId = UUID.randomUUID().toString();
            publish(producer, Topics.FOLLOWUPS, "followup-service", new CustomerFeedbackRecorded(caseId,
                    caseId + ".1.1", UUID.randomUUID().toString(), agent, "CS", "SH-LJY", 1, true, 5, true, null,
                    true, "D-CS-01", at));
        }
    }

    /** A row of the outcomes table, found again each time (the page reloads after each form). */
    private static WebElement row(Browser browser, String evaluationId) {
        return browser.until(d -> d.findElements(By.cssSelector("#outcomes tr[data-evaluation='" + evaluationId + "']"))
                .stream().findFirst().orElse(null));
    }

    /** A cell of the agent's row in the dashboard's agents table (closed details: read as text content). */
    private static String agentCell(WebDriver page, String agentId, int column) {
        return page.findElements(By.cssSelector("section[aria-labelledby=h-agents] tbody tr")).stream()
                .filter(r -> agentId.equals(r.findElement(By.tagName("th")).getDomProperty("textContent").strip()))
                .map(r -> r.findElements(By.cssSelector("th, td")).get(column).getDomProperty("textContent").strip())
                .findFirst().orElse("");
    }

    /** The screen with the element in view (the outcomes lie below the rankings), where the harness keeps them. */
    private static void screenshotOf(Browser browser, WebElement element, String name) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                element);
        File png = ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.FILE);
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("caseflow.screenshots",
                    "target/screenshots")));
            Files.copy(png.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- last week's facts, as intake and follow-up publish them ---

    /** Four calls and a callback each: A002's mostly late and half unrecorded, unhappy; A001's all good, happy. */
    private static void publishWeek(LocalDate monday) {
        String brokers = system.kafkaBrokers();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 4; i++) {
                LocalDate day = monday.plusDays(i);
                publish(producer, Topics.CONTACTS, "intake-service", call(WEAK, day, i == 0, i < 2));
                publish(producer, Topics.CONTACTS, "intake-service", call(EXCELLENT, day, true, true));
            }
            publish(producer, Topics.FOLLOWUPS, "followup-service", feedback(WEAK, monday.plusDays(4), 2));
            publish(producer, Topics.FOLLOWUPS, "followup-service", feedback(EXCELLENT, monday.plusDays(4), 5));
        }
    }

    private static ContactReceived call(String agent, LocalDate day, boolean withinThreeRings, boolean complete) {
        Instant at = day.atTime(10, 0).atZone(SHANGHAI).toInstant();
        return new ContactReceived(UUID.randomUUID().toString(), Channel.PHONE, agent, at, null, null,
                withinThreeRings ? 2 : 5, withinThreeRings, true, null, null, null, "王小明", CallerType.OWNER,
                "13812345678", null, "SH-LJY", null, "咨询交房时间", ContactCategory.INQUIRY, true, complete);
    }

    private static CustomerFeedbackRecorded feedback(String agent, LocalDate day, int satisfaction) {
        String caseId = UUID.randomUUID().toString();
        Instant at = day.atTime(15, 0).atZone(SHANGHAI).toInstant();
        return new CustomerFeedbackRecorded(caseId, caseId + ".1.1", UUID.randomUUID().toString(), agent, "CS",
                "SH-LJY", 1, true, satisfaction, satisfaction > 2, null, true, "D-CS-01", at);
    }

    /** The envelope as the producing service's outbox relay sends it: CloudEvents headers in binary mode. */
    private static void publish(KafkaProducer<String, byte[]> producer, String topic, String service, Object event) {
        String agent = event instanceof ContactReceived c ? c.agentId() : ((CustomerFeedbackRecorded) event).agentId();
        Instant now = Instant.now();
        EventEnvelope<Object> envelope = new EventEnvelope<>(UUID.randomUUID().toString(), EventTypes.nameOf(event),
                1, now, agent, agent, event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, agent, JSON.writeValueAsBytes(envelope));
        header(record, CloudEventHeaders.ID, envelope.eventId());
        header(record, CloudEventHeaders.TYPE, envelope.type());
        header(record, CloudEventHeaders.SOURCE, "/caseflow/" + service);
        header(record, CloudEventHeaders.TIME, now.toString());
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("not published to " + topic, e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
