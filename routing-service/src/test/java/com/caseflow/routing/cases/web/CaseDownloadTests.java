package com.caseflow.routing.cases.web;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.routing.cases.application.ContactRouter;
import com.caseflow.routing.support.Contacts;
import com.caseflow.routing.support.RoutingServiceTest;
import com.caseflow.support.testing.TestIdentityProvider;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A department's case list downloads as Excel or CSV, headed in Chinese, numbers masked as the reader sees them. */
@RoutingServiceTest
class CaseDownloadTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();

    @LocalServerPort
    int port;
    @Autowired
    ContactRouter router;
    @Autowired
    MongoTemplate mongo;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void whenAManagerDownloadsADepartmentsCasesThenTheSheetHasTheCaseWithItsNumberMasked() throws Exception {
        String phone = "139" + (10_000_000 + (int) (Math.random() * 89_999_999));
        EventEnvelope<ContactReceived> contact = Contacts.call(phone, "SH-LJY",
                UUID.randomUUID().toString().substring(0, 6) + "栋1单元101", ContactCategory.REPAIR, "地库渗水");
        router.route(contact);
        String id = mongo.findOne(Query.query(Criteria.where("state.contacts.contactId").is(contact.key())),
                org.bson.Document.class, "cases").getString("_id");

        HttpResponse<byte[]> xlsx = download("/api/v1/departments/ENGINEERING/cases?format=xlsx",
                IDP.token("M001", "MANAGER"));

        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(URLDecoder.decode(xlsx.headers().firstValue("Content-Disposition").orElseThrow(),
                StandardCharsets.UTF_8)).contains("attachment").contains("ENGINEERING-案件-");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).startsWith("案件编号", "优先级", "项目").contains("类别", "状态", "解决期限", "来电号码");
            Row row = null;
            for (Row r : sheet) {
                if (id.equals(r.getCell(0).getStringCellValue())) {
                    row = r;
                }
            }
            assertThat(row).as(id + " in the sheet").isNotNull();
            assertThat(row.getCell(headers.indexOf("类别")).getStringCellValue()).isEqualTo("报修");
            assertThat(row.getCell(headers.indexOf("来电号码")).getStringCellValue()).contains("****")
                    .doesNotContain(phone);
            assertThat(row.getCell(headers.indexOf("受理时间")).getStringCellValue())
                    .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
            assertThat(row.getCell(headers.indexOf("是否超时")).getStringCellValue()).isIn("是", "否");
        }

        HttpResponse<byte[]> csv = download("/api/v1/departments/ENGINEERING/cases?format=csv",
                IDP.departmentToken("D-ENG-01", "ENGINEERING"));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF案件编号,").contains(id).contains(phone);
    }

    @Test
    void whenTheFormatIsUnknownThenItIsNamedWithTheOtherBadFields() throws Exception {
        HttpResponse<byte[]> bad = download("/api/v1/departments/ENGINEERING/cases?format=pdf&sort=random",
                IDP.token("M001", "MANAGER"));

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("\"format\"", "\"sort\"");
    }

    private HttpResponse<byte[]> download(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
