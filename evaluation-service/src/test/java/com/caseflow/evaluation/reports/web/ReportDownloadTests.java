package com.caseflow.evaluation.reports.web;

import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.EventLog;
import com.caseflow.support.testing.TestIdentityProvider;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Managers download a period's ranking as Excel or CSV, headed in Chinese, with the same figures as the JSON. */
@EvaluationServiceTest
class ReportDownloadTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final String APRIL = "from=2025-04-01&to=2025-04-30";

    @Autowired
    EmbeddedKafkaBroker broker;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void whenAManagerDownloadsTheAgentRankingThenExcelAndCsvCarryChineseHeadersAndTheAgentsFigures()
            throws Exception {
        String agent = "DL-" + UUID.randomUUID().toString().substring(0, 6);
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            for (int i = 0; i < 2; i++) {
                String id = UUID.randomUUID().toString();
                Instant at = LocalDateTime.parse("2025-04-1" + i + "T10:00").atZone(ZoneId.of("Asia/Shanghai"))
                        .toInstant();
                ContactReceived call = new ContactReceived(id, Channel.PHONE, agent, at, null, null, 2, i == 0, true,
                        null, null, null, "张三", CallerType.OWNER, "13912345678", null, "SH-LJY", null,
                        "询问户型和价格", ContactCategory.SALES, true, true);
                log.publish(Topics.CONTACTS, new EventEnvelope<>(id, EventTypes.CONTACT_RECEIVED, 1, Instant.now(),
                        id, id, call));
            }
        }
        Api manager = new Api(port, IDP.token("M001", "MANAGER"));
        await().atMost(Duration.ofSeconds(90)).until(() -> manager.get("/api/v1/reports/agents/" + agent + "?"
                + APRIL).json().get("counters").get("phoneCalls").asLong() == 2);

        HttpResponse<byte[]> xlsx = download("/api/v1/reports/agents?" + APRIL + "&format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
                .contains("filename*=UTF-8''");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).startsWith("排名", "坐席工号", "综合得分").contains("三声内接听率", "定期抽查平均分", "临时抽查次数");
            Row row = null;
            for (Row r : sheet) {
                if (agent.equals(r.getCell(1).getStringCellValue())) {
                    row = r;
                }
            }
            assertThat(row).as(agent + " in the sheet").isNotNull();
            assertThat(row.getCell(headers.indexOf("来电数")).getNumericCellValue()).isEqualTo(2.0);
            assertThat(row.getCell(headers.indexOf("三声内接听率")).getNumericCellValue()).isEqualTo(0.5);
        }

        HttpResponse<byte[]> csv = download("/api/v1/reports/agents/" + agent + "?" + APRIL + "&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
        assertThat(records.get(0).get(1)).isEqualTo("坐席工号");
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get(1)).isEqualTo(agent);
    }

    @Test
    void whenTheFormatAndThePeriodAreBadThenBothAreNamed() throws IOException, InterruptedException {
        Api manager = new Api(port, IDP.token("M001", "MANAGER"));

        Api.Response bad = manager.get("/api/v1/reports/agents?from=2025-04-31&to=2025-04-30&format=pdf");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("format", "from");
    }

    private HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + IDP.token("M001", "MANAGER")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
