package com.caseflow.evaluation.reports.web;

import com.caseflow.evaluation.spotchecks.persistence.SpotCheckStore;
import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.evaluation.SpotCheckRecorded;
import com.caseflow.support.outbox.Outbox;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spot-checks of the week's regular sample and ad-hoc ones (临时抽查: a reviewer's own draw, or one contact outside any
 * sample) are counted apart in the agent's report and its download; the KPI averages the regular ones only.
 */
@EvaluationServiceTest
class AdHocSpotCheckReportTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final String MARCH = "from=2024-03-04&to=2024-03-10";

    @Autowired
    EmbeddedKafkaBroker broker;
    @LocalServerPort
    int port;
    @Autowired
    SpotCheckStore store;
    @Autowired
    Outbox outbox;

    /** A check as evaluation stored it (only those count), and its event, published once more by the test. */
    private EventEnvelope<SpotCheckRecorded> check(String agent, String sampleId, double score, boolean critical) {
        String contactId = UUID.randomUUID().toString();
        SpotCheckRecorded check = new SpotCheckRecorded("check." + contactId, sampleId,
                sampleId == null ? null : "ORDINARY", contactId, null, agent, LocalDate.of(2024, 3, 5), "2026-1",
                Map.of("GREETING", critical ? 0 : 4), 5, critical ? List.of("PRIVACY") : List.of(), score, null,
                "S001", Instant.now());
        EventEnvelope<SpotCheckRecorded> event = new EventEnvelope<>(UUID.randomUUID().toString(),
                EventTypes.SPOT_CHECK_RECORDED, 1, Instant.now(), agent, agent, check);
        store.insert(check, outbox.entry(Topics.EVALUATIONS, event));
        return event;
    }

    @Test
    void whenRegularAndAdHocChecksArriveTwiceThenTheyAreCountedApartOnceAndTheKpiIsTheRegularAverage()
            throws Exception {
        String agent = "SC-" + UUID.randomUUID().toString().substring(0, 6);
        List<EventEnvelope<SpotCheckRecorded>> checks = List.of(
                check(agent, "regular-2024-W10", 80, false),
                check(agent, "regular-2024-W10", 90, false),
                check(agent, "random-" + UUID.randomUUID(), 0, true),
                check(agent, null, 70, false));
        Api manager = new Api(port, IDP.token("M001", "MANAGER"));
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            for (int round = 0; round < 2; round++) {
                checks.forEach(c -> log.publish(Topics.EVALUATIONS, c));
                Barriers.consumed(broker.getBrokersAsString(), "evaluation-service", Topics.EVALUATIONS);
                JsonNode kpis = await().atMost(Duration.ofSeconds(90)).until(() -> manager.get(
                        "/api/v1/reports/agents/" + agent + "?" + MARCH).json().get("kpis"),
                        k -> k.get("spotChecks").asLong() == 4);

                assertThat(kpis.get("regularSpotChecks").asLong()).isEqualTo(2);
                assertThat(kpis.get("spotCheckAverage").asDouble()).as("the regular sample's").isEqualTo(85.0);
                assertThat(kpis.get("adHocSpotChecks").asLong()).isEqualTo(2);
                assertThat(kpis.get("adHocSpotCheckAverage").asDouble()).isEqualTo(35.0);
                assertThat(kpis.get("criticalFailures").asLong()).as("however it was found").isEqualTo(1);
                assertThat(kpis.get("adHocCriticalFailures").asLong()).isEqualTo(1);
            }
        }

        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/reports/agents?" + MARCH + "&format=xlsx"))
                .header("Authorization", "Bearer " + IDP.token("M001", "MANAGER")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            Row row = null;
            for (Row r : sheet) {
                if (agent.equals(r.getCell(1).getStringCellValue())) {
                    row = r;
                }
            }
            assertThat(row).as(agent + " in the sheet").isNotNull();
            assertThat(row.getCell(headers.indexOf("抽查次数")).getNumericCellValue()).isEqualTo(4.0);
            assertThat(row.getCell(headers.indexOf("定期抽查次数")).getNumericCellValue()).isEqualTo(2.0);
            assertThat(row.getCell(headers.indexOf("定期抽查平均分")).getNumericCellValue()).isEqualTo(85.0);
            assertThat(row.getCell(headers.indexOf("临时抽查次数")).getNumericCellValue()).isEqualTo(2.0);
            assertThat(row.getCell(headers.indexOf("临时抽查平均分(不计入考核)")).getNumericCellValue())
                    .isEqualTo(35.0);
            assertThat(row.getCell(headers.indexOf("其中临时抽查发现")).getNumericCellValue()).isEqualTo(1.0);
        }
    }
}
