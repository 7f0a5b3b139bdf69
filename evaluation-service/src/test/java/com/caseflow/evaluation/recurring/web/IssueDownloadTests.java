package com.caseflow.evaluation.recurring.web;

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
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dashboard's recurring issues and the proposals download as Excel and CSV, headed in Chinese. */
@EvaluationServiceTest
class IssueDownloadTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String WEEK = "from=2025-05-12&to=2025-05-18&limit=50";

    @Autowired
    EmbeddedKafkaBroker broker;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void whenAManagerDownloadsTheRecurringIssuesThenTheSheetHasChineseHeadersAndTheProjectsRow() throws Exception {
        String project = "DL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            for (int i = 0; i < 3; i++) {
                String id = UUID.randomUUID().toString();
                Instant at = LocalDateTime.parse("2025-05-13T09:00").plusMinutes(i)
                        .atZone(ZoneId.of("Asia/Shanghai")).toInstant();
                ContactReceived contact = new ContactReceived(id, Channel.PHONE, "A001", at, null, null, 1, true,
                        true, null, null, null, "业主", CallerType.OWNER, "13812345678", null, project, "5栋1单元",
                        "电梯故障", ContactCategory.REPAIR, false, true);
                log.publish(Topics.CONTACTS, new EventEnvelope<>(id, EventTypes.CONTACT_RECEIVED, 1, Instant.now(),
                        id, id, contact));
            }
        }
        Api manager = new Api(port, IDP.token("M001", "MANAGER"));
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            for (JsonNode issue : manager.get("/api/v1/issues/recurring?" + WEEK).json().get("topIssues")) {
                if (issue.get("projectCode").asString().equals(project) && issue.get("contacts").asLong() == 3) {
                    return true;
                }
            }
            return false;
        });

        HttpResponse<byte[]> xlsx = download("/api/v1/issues/recurring?" + WEEK + "&format=xlsx");

        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(XLSX);
        assertThat(URLDecoder.decode(xlsx.headers().firstValue("Content-Disposition").orElseThrow(),
                StandardCharsets.UTF_8)).contains("attachment").contains("重复问题-2025-05-12-2025-05-18.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = headers(sheet);
            assertThat(headers).startsWith("项目", "类别", "本期来电数", "上期来电数").contains("重复来电占比");
            Row row = row(sheet, project);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("报修");
            assertThat(row.getCell(headers.indexOf("本期来电数")).getNumericCellValue()).isEqualTo(3.0);
            assertThat(row.getCell(headers.indexOf("上期来电数")).getNumericCellValue()).isEqualTo(0.0);
        }

        HttpResponse<byte[]> csv = download("/api/v1/issues/recurring?" + WEEK + "&format=csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF项目,类别");
        assertThat(text).contains(project + ",报修,3,0,3,");
    }

    @Test
    void whenAManagerDownloadsTheProposalsThenEveryProposalOfTheStatusIsARowWithWhoAndWhen() throws Exception {
        String project = "DL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(1).toString();
        Api manager = new Api(port, IDP.token("M001", "MANAGER"));
        Api.Response created = manager.post("/api/v1/issues/proposals", """
                {"projectCode": "%s", "category": "REPAIR", "title": "=更换5栋电梯控制板", "owner": "S001",
                 "dueDate": "%s"}""".formatted(project, due));
        assertThat(created.status()).isEqualTo(201);

        HttpResponse<byte[]> xlsx = download("/api/v1/issues/proposals?status=PROPOSED&format=xlsx");

        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(XLSX);
        assertThat(URLDecoder.decode(xlsx.headers().firstValue("Content-Disposition").orElseThrow(),
                StandardCharsets.UTF_8)).contains("改进建议-已提出-");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = headers(sheet);
            assertThat(headers).startsWith("项目", "类别", "改进建议").contains("负责人", "截止日期", "状态", "记录人",
                    "修改人", "修改时间");
            Row row = row(sheet, project);
            assertThat(row.getCell(headers.indexOf("改进建议")).getStringCellValue()).isEqualTo("=更换5栋电梯控制板");
            assertThat(row.getCell(headers.indexOf("状态")).getStringCellValue()).isEqualTo("已提出");
            assertThat(row.getCell(headers.indexOf("记录人")).getStringCellValue()).isEqualTo("M001");
            assertThat(row.getCell(headers.indexOf("截止日期")).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.parse(due));
        }

        HttpResponse<byte[]> csv = download("/api/v1/issues/proposals?format=csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
        assertThat(records.get(0).get(2)).isEqualTo("改进建议");
        assertThat(records).anySatisfy(r -> {
            assertThat(r.get(0)).isEqualTo(project);
            assertThat(r.get(2)).as("a formula kept as text").isEqualTo("'=更换5栋电梯控制板");
        });
    }

    @Test
    void whenTheFormatIsUnknownThenItIsNamedWithTheOtherBadFields() {
        Api manager = new Api(port, IDP.token("M001", "MANAGER"));

        Api.Response recurring = manager.get("/api/v1/issues/recurring?from=2025-02-30&to=2025-03-01&format=pdf");
        Api.Response proposals = manager.get("/api/v1/issues/proposals?status=DONE-ISH&format=pdf");

        assertThat(recurring.status()).isEqualTo(400);
        assertThat(recurring.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("format", "from");
        assertThat(proposals.status()).isEqualTo(400);
        assertThat(proposals.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("format", "status");
    }

    private static List<String> headers(Sheet sheet) {
        List<String> headers = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
        return headers;
    }

    private static Row row(Sheet sheet, String project) {
        for (Row r : sheet) {
            if (project.equals(r.getCell(0).getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError(project + " not in the sheet");
    }

    private HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + IDP.token("M001", "MANAGER")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
