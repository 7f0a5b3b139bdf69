package com.caseflow.evaluation.reports.web;

import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.Topics;
import com.caseflow.events.call.CallAbandoned;
import com.caseflow.events.call.CallAnswered;
import com.caseflow.events.call.CallOffered;
import com.caseflow.events.cases.CaseAccepted;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.EventLog;
import com.caseflow.support.testing.TestIdentityProvider;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.caseflow.evaluation.support.TestEvents.at;
import static com.caseflow.evaluation.support.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three scripted days (2024-02-28 to 2024-03-01, no other test's days) through the real broker into the daily series:
 * contacts by channel and category, first-contact resolution, the company's three-ring rate (measured for the agent
 * the phone platform rang at, as reported for the others), the hotlines' service level and the departments' cases,
 * per day and for the period; the same facts delivered again count once.
 */
@EvaluationServiceTest
class DailySeriesReportTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String PERIOD = "from=2024-02-28&to=2024-03-01";
    private static final String DAILY = "/api/v1/reports/daily?" + PERIOD;

    @Autowired
    EmbeddedKafkaBroker broker;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private static EventEnvelope<ContactReceived> contact(String agent, Channel channel, Instant at, String project,
                                                          ContactCategory category, Boolean withinThreeRings,
                                                          boolean settled) {
        String id = UUID.randomUUID().toString();
        boolean phone = channel == Channel.PHONE;
        return envelope(id, new ContactReceived(id, channel, agent, at, null, null, phone ? 2 : null,
                phone ? withinThreeRings : null, true, phone ? null : at.minusSeconds(30), phone ? null : at,
                null, "王小明", CallerType.OWNER, "13812345678", null, project, "3栋", "来电事由", category, settled,
                true));
    }

    @Test
    void whenThreeDaysOfFactsArriveTwiceThenEachDayAndThePeriodAreExactAndCountedOnce() throws Exception {
        // X is nobody's team; A001 and A002 are S001's (the default teams)
        String x = "DX-" + UUID.randomUUID().toString().substring(0, 6);
        String hotline = "400-" + UUID.randomUUID().toString().substring(0, 8);
        String department = "DAILY-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        List<EventEnvelope<?>> contacts = List.of(
                contact("A001", Channel.PHONE, at("2024-02-28T09:10"), "SH-LJY", ContactCategory.REPAIR, true, true),
                contact("A001", Channel.PHONE, at("2024-02-28T09:20"), "SH-LJY", ContactCategory.COMPLAINT, false,
                        false),
                contact(x, Channel.VISIT, at("2024-02-28T14:00"), "BJ-CY", ContactCategory.INQUIRY, null, true),
                contact("A002", Channel.PHONE, at("2024-02-29T10:00"), "SH-LJY", ContactCategory.REPAIR, true, true),
                contact(x, Channel.PHONE, at("2024-02-29T11:00"), "BJ-CY", ContactCategory.SALES, true, false),
                // 00:30 in Shanghai on 1 March, still 29 February in UTC
                contact("A001", Channel.VISIT, Instant.parse("2024-02-29T16:30:00Z"), "SH-LJY",
                        ContactCategory.PROPERTY_MANAGEMENT, null, true));
        String answered = "CALL-" + UUID.randomUUID();
        String abandoned = "CALL-" + UUID.randomUUID();
        Instant nine = at("2024-02-28T09:00");
        List<EventEnvelope<?>> calls = List.of(
                envelope(answered, new CallOffered(answered, hotline, null, nine)),
                envelope(answered, new CallAnswered(answered, hotline, null, x, nine, nine.plusSeconds(4),
                        nine.plusSeconds(10))),
                envelope(abandoned, new CallOffered(abandoned, hotline, null, nine.plusSeconds(300))),
                envelope(abandoned, new CallAbandoned(abandoned, hotline, null, nine.plusSeconds(300),
                        nine.plusSeconds(340), null, null)));
        String caseId = UUID.randomUUID().toString();
        List<EventEnvelope<?>> caseEvents = List.of(
                envelope(caseId, new CaseRouted(caseId, 1, "c1", "A001", Channel.PHONE, at("2024-02-28T09:20"),
                        "SH-LJY", "3栋", ContactCategory.COMPLAINT, "投诉", null, Complexity.COMPLEX, Priority.HIGH,
                        List.of(), department, "complaints", 1, new Deadlines(at("2024-02-28T11:00"),
                        at("2024-02-29T17:00"), 1, 8), null, at("2024-02-28T09:21"), "HEAD")),
                envelope(caseId, new CaseAccepted(caseId, 2, department, "D-1", at("2024-02-28T10:00"))));

        Api manager = new Api(port, IDP.token("M001", "MANAGER"));
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            for (int round = 0; round < 2; round++) {
                contacts.forEach(e -> log.publish(Topics.CONTACTS, e));
                calls.forEach(e -> log.publish(Topics.CALLS, e));
                caseEvents.forEach(e -> log.publish(Topics.CASES, e));
                Barriers.consumed(broker.getBrokersAsString(), "evaluation-service", Topics.CONTACTS, Topics.CALLS,
                        Topics.CASES);
                JsonNode report = await().atMost(WAIT).until(() -> manager.get(DAILY).json(),
                        r -> r.get("total").get("contacts").get("total").asLong() == 6
                                && r.get("total").get("hotlines").get("offered").asLong() == 2
                                && r.get("total").get("hotlines").get("answered").asLong() == 1
                                && r.get("total").get("cases").get("routed").asLong() == 1
                                && r.get("total").get("cases").get("firstResponseCompliance").isNumber());

                assertCompanyFigures(report);
            }
        }

        Api.Response byProject = manager.get(DAILY + "&projectCode=SH-LJY");
        assertThat(byProject.status()).isEqualTo(200);
        JsonNode project = byProject.json();
        assertThat(project.get("projectCode").asString()).isEqualTo("SH-LJY");
        assertThat(project.get("projectScoped").valueStream().map(JsonNode::asString))
                .containsExactly("contacts", "firstContactResolution");
        List<JsonNode> projectDays = project.get("days").valueStream().toList();
        assertThat(counts(projectDays.get(0).get("contacts").get("byCategory")))
                .containsEntry("REPAIR", 1L).containsEntry("COMPLAINT", 1L).containsEntry("INQUIRY", 0L);
        assertThat(projectDays.get(0).get("firstContactResolution").get("rate").asDouble()).isEqualTo(0.5);
        JsonNode projectTotal = project.get("total");
        assertThat(projectTotal.get("contacts").get("total").asLong()).isEqualTo(4);
        assertThat(counts(projectTotal.get("contacts").get("byChannel"))).containsEntry("PHONE", 3L)
                .containsEntry("VISIT", 1L);
        assertThat(projectTotal.get("firstContactResolution").get("rate").asDouble()).isEqualTo(0.75);
        assertThat(projectTotal.get("threeRings").get("rate").asDouble()).as("the company's: calls have no project")
                .isEqualTo(0.75);

        JsonNode team = new Api(port, IDP.token("S001", "SUPERVISOR")).get(DAILY).json();
        assertThat(team.get("team").asBoolean()).isTrue();
        List<JsonNode> teamDays = team.get("days").valueStream().toList();
        assertThat(teamDays.get(0).get("contacts").get("total").asLong()).as("A001's two calls, not X's visit")
                .isEqualTo(2);
        assertThat(teamDays.get(0).get("contacts").get("byCategory").isNull()).isTrue();
        assertThat(teamDays.get(0).get("threeRings").get("rate").asDouble()).isEqualTo(0.5);
        assertThat(teamDays.get(0).get("threeRings").get("source").asString()).isEqualTo("SELF_REPORTED");
        assertThat(teamDays.get(0).get("hotlines").get("offered").asLong()).as("the hotlines are the company's")
                .isEqualTo(2);
        assertThat(team.get("total").get("contacts").get("total").asLong()).isEqualTo(4);
        assertThat(team.get("total").get("firstContactResolution").get("rate").asDouble()).isEqualTo(0.75);

        HttpResponse<byte[]> xlsx = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + DAILY
                        + "&format=xlsx")).header("Authorization", "Bearer " + IDP.token("M001", "MANAGER")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).startsWith("日期", "接触总数", "来电", "来访", "咨询", "投诉", "报修")
                    .contains("首次解决率", "三声内接听率", "服务水平(15秒内接听)", "受理案件数");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("2024-02-28");
            assertThat(first.getCell(headers.indexOf("接触总数")).getNumericCellValue()).isEqualTo(3.0);
            assertThat(first.getCell(headers.indexOf("服务水平(15秒内接听)")).getNumericCellValue()).isEqualTo(0.5);
            assertThat(first.getCell(headers.indexOf("三声内接听率来源")).getStringCellValue()).isEqualTo("实测与自报");
            Row total = sheet.getRow(4);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(total.getCell(headers.indexOf("首次解决率")).getNumericCellValue()).isEqualTo(4.0 / 6);
            assertThat(total.getCell(headers.indexOf("三声内接听率")).getNumericCellValue()).isEqualTo(0.75);
        }
    }

    private static void assertCompanyFigures(JsonNode report) {
        assertThat(report.get("team").asBoolean()).isFalse();
        assertThat(report.get("projectScoped")).isEmpty();
        List<JsonNode> days = report.get("days").valueStream().toList();
        assertThat(days).extracting(d -> d.get("day").asString())
                .containsExactly("2024-02-28", "2024-02-29", "2024-03-01");

        JsonNode feb28 = days.get(0);
        assertThat(counts(feb28.get("contacts").get("byChannel"))).containsExactly(Map.entry("PHONE", 2L),
                Map.entry("VISIT", 1L));
        assertThat(counts(feb28.get("contacts").get("byCategory"))).containsEntry("REPAIR", 1L)
                .containsEntry("COMPLAINT", 1L).containsEntry("INQUIRY", 1L).containsEntry("SALES", 0L)
                .hasSize(ContactCategory.values().length);
        assertThat(feb28.get("firstContactResolution").get("settled").asLong()).isEqualTo(2);
        assertThat(feb28.get("firstContactResolution").get("rate").asDouble()).isEqualTo(2.0 / 3);
        // A001 as reported (1 of 2 timed calls), X as measured (1 of 1 rung): 2 of 3
        JsonNode rings = feb28.get("threeRings");
        assertThat(rings.get("rate").asDouble()).isEqualTo(2.0 / 3);
        assertThat(rings.get("source").asString()).isEqualTo("MIXED");
        assertThat(rings.get("measuredCalls").asLong()).isEqualTo(1);
        assertThat(rings.get("selfReportedCalls").asLong()).isEqualTo(2);
        assertThat(rings.get("measuredRate").asDouble()).isEqualTo(1.0);
        assertThat(rings.get("reportedRate").asDouble()).isEqualTo(0.5);
        assertThat(feb28.get("hotlines").get("offered").asLong()).isEqualTo(2);
        assertThat(feb28.get("hotlines").get("serviceLevel").asDouble()).isEqualTo(0.5);
        assertThat(feb28.get("hotlines").get("abandonmentRate").asDouble()).isEqualTo(0.5);
        assertThat(feb28.get("cases").get("routed").asLong()).isEqualTo(1);
        assertThat(feb28.get("cases").get("firstResponseCompliance").asDouble()).isEqualTo(1.0);

        JsonNode feb29 = days.get(1);
        assertThat(feb29.get("contacts").get("total").asLong()).isEqualTo(2);
        assertThat(feb29.get("firstContactResolution").get("rate").asDouble()).isEqualTo(0.5);
        assertThat(feb29.get("threeRings").get("rate").asDouble()).as("X rang no call that day").isEqualTo(1.0);
        assertThat(feb29.get("threeRings").get("source").asString()).isEqualTo("SELF_REPORTED");
        assertThat(feb29.get("hotlines").get("offered").asLong()).isZero();
        assertThat(feb29.get("hotlines").get("serviceLevel").isNull()).as("no call is not 0 %").isTrue();

        JsonNode mar1 = days.get(2);
        assertThat(counts(mar1.get("contacts").get("byChannel"))).containsEntry("VISIT", 1L)
                .containsEntry("PHONE", 0L);
        assertThat(mar1.get("contacts").get("byCategory").get("PROPERTY_MANAGEMENT").asLong()).isEqualTo(1);
        assertThat(mar1.get("threeRings").get("rate").isNull()).isTrue();

        JsonNode total = report.get("total");
        assertThat(total.get("day").isNull()).isTrue();
        assertThat(counts(total.get("contacts").get("byChannel"))).containsEntry("PHONE", 4L)
                .containsEntry("VISIT", 2L);
        assertThat(total.get("firstContactResolution").get("rate").asDouble()).isEqualTo(4.0 / 6);
        // over the period X is measured (its typed call of the 29th is not counted), A001 and A002 as reported
        assertThat(total.get("threeRings").get("rate").asDouble()).isEqualTo(0.75);
        assertThat(total.get("threeRings").get("measuredCalls").asLong()).isEqualTo(1);
        assertThat(total.get("threeRings").get("selfReportedCalls").asLong()).isEqualTo(3);
        assertThat(total.get("hotlines").get("serviceLevel").asDouble()).isEqualTo(0.5);
    }

    @Test
    void whenTheProjectTheFormatOrThePeriodIsBadOrTheReaderIsNotTheCallCentreThenItIsRefused() {
        Api manager = new Api(port, IDP.token("M001", "MANAGER"));

        Api.Response bad = manager.get("/api/v1/reports/daily?from=2024-02-30&to=2024-03-01&format=pdf"
                + "&projectCode=sh%20ljy");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("projectCode", "format", "from");
        assertThat(manager.get("/api/v1/reports/daily?from=2024-01-01&to=2025-02-01").status()).isEqualTo(400);
        assertThat(new Api(port, IDP.token("A001", "AGENT")).get(DAILY).status()).isEqualTo(403);
        assertThat(new Api(port, IDP.departmentToken("D-ENG-01", "ENGINEERING")).get(DAILY).status())
                .isEqualTo(403);
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new LinkedHashMap<>();
        object.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }
}
