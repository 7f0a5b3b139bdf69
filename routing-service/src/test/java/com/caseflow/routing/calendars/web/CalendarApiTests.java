package com.caseflow.routing.calendars.web;

import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.cases.Deadlines;
import com.caseflow.events.cases.Priority;
import com.caseflow.routing.cases.application.DeadlinePolicy;
import com.caseflow.routing.departments.application.DepartmentRegistry;
import com.caseflow.routing.support.RoutingServiceTest;
import com.caseflow.support.calendar.CalendarCoverage;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Business calendars are data: administrators enter each year's official arrangement through the API, every version
 * stays readable, and each change is published for the services that count in the same calendar.
 */
@RoutingServiceTest
class CalendarApiTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OFFICE_HOURS = """
            {"opens":"09:00","closes":"18:00"}""";

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    DeadlinePolicy deadlines;
    @Autowired
    DepartmentRegistry departments;
    @Autowired
    CalendarCoverage coverage;

    private Api admin() {
        return new Api(port, IDP.token("ADMIN01", "ADMIN"));
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    /** An office calendar with 2026's official holidays, copied from the seeded one. */
    private String office2026(String name) {
        JsonNode seeded = admin().get("/api/v1/calendars/CN-OFFICE").json();
        return """
                {"name":"%s","zone":"Asia/Shanghai","weekdays":%s,"observesPublicHolidays":true,"years":[2026],
                 "holidays":%s,"makeUpWorkingDays":%s,"source":"国务院办公厅关于2026年部分节假日安排的通知"}"""
                .formatted(name, seeded.get("weekdays"), seeded.get("holidays"), seeded.get("makeUpWorkingDays"));
    }

    @Test
    void whenTheCalendarsAreListedThenTheSeededOnesShowTheirHolidaysWhoUsesThemAndHowFarAheadTheyReach() {
        JsonNode all = new Api(port, IDP.token("A001", "AGENT")).get("/api/v1/calendars").json();

        JsonNode office = all.valueStream().filter(c -> c.get("id").asString().equals("CN-OFFICE")).findFirst()
                .orElseThrow();
        assertThat(office.get("holidays").valueStream().map(JsonNode::asString))
                .contains("2026-02-15", "2026-10-01").hasSize(33);
        assertThat(office.get("makeUpWorkingDays").valueStream().map(JsonNode::asString))
                .containsExactly("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
        assertThat(office.get("coveredUntil").asString()).isEqualTo("2026-12-31");
        assertThat(office.get("departments").valueStream().map(JsonNode::asString)).contains("ENGINEERING", "SALES");
        assertThat(office.get("source").asString()).contains("2026");
        JsonNode always = all.valueStream().filter(c -> c.get("id").asString().equals("24X7")).findFirst()
                .orElseThrow();
        assertThat(always.get("builtIn").asBoolean()).isTrue();
        assertThat(always.get("coveredUntil").isNull()).isTrue();
        assertThat(always.get("departments").valueStream().map(JsonNode::asString))
                .contains("ENGINEERING", "PROPERTY_MANAGEMENT", "CUSTOMER_SERVICE");
        assertThat(all.valueStream().map(c -> c.get("id").asString())).contains("HOTLINE");
    }

    @Test
    void whenTheNextYearsNoticeIsEnteredThenADeadlineAcrossNewYearSkipsItsHolidaysAndTheChangeIsPublished() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String calendar = "T-OFFICE-" + suffix;
        String department = "TDEPT_" + suffix;
        assertThat(admin().put("/api/v1/calendars/" + calendar, office2026("测试办公日历")).status()).isEqualTo(200);
        JsonNode cs = admin().get("/api/v1/departments/CUSTOMER_SERVICE").json();
        assertThat(new Api(port, IDP.token("M001", "MANAGER")).put("/api/v1/departments/" + department, """
                {"nameZh":"测试部","nameEn":"Test","head":"T-HEAD","calendarId":"%s","sla":%s}"""
                .formatted(calendar, cs.get("sla").toString()))
                .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> departments.find(department).isPresent());

        // Thu 2026-12-31 17:00 + 4 business hours: without 2027's notice, Friday Jan 1 counts as a working day
        Instant newYearsEve = at("2026-12-31T17:00");
        Deadlines before = deadlines.from(newYearsEve, departments.find(department).orElseThrow(), Priority.NORMAL);
        assertThat(before.calendarId()).isEqualTo(calendar);
        assertThat(before.resolutionDue()).isAfter(before.firstResponseDue());
        assertThat(before.firstResponseDue()).isEqualTo(at("2027-01-01T12:00"));

        // A hypothetical arrangement (the 2027 notice was not available when this was written): Jan 1–3 off
        Api.Response entered = admin().put("/api/v1/calendars/" + calendar + "/years/2027", """
                {"holidays":["2027-01-01","2027-01-02","2027-01-03"],"makeUpWorkingDays":[],
                 "source":"测试用的假设安排","expectedVersion":1}""");
        assertThat(entered.status()).isEqualTo(200);
        assertThat(entered.json().get("version").asLong()).isEqualTo(2);
        assertThat(entered.json().get("years").valueStream().map(JsonNode::asInt)).containsExactly(2026, 2027);

        await().atMost(Duration.ofSeconds(30)).until(() -> deadlines.from(newYearsEve,
                departments.find(department).orElseThrow(), Priority.NORMAL).firstResponseDue()
                .equals(at("2027-01-04T12:00")));
        JsonNode versions = admin().get("/api/v1/calendars/" + calendar + "/versions").json();
        assertThat(versions.valueStream().map(v -> v.get("version").asLong())).containsExactly(2L, 1L);
        assertThat(versions.valueStream().map(v -> v.get("changedBy").asString())).containsOnly("ADMIN01");
        assertThat(admin().get("/api/v1/calendars/" + calendar + "/versions/1").json().get("years")
                .valueStream().map(JsonNode::asInt)).containsExactly(2026);

        try (TopicReader calendars = new TopicReader(broker.getBrokersAsString(), Topics.CALENDARS)) {
            JsonNode published = JSON.readTree(calendars.read(r -> calendar.equals(r.key())
                    && JSON.readTree(r.value()).get("data").get("version").asLong() == 2, 1, Duration.ofSeconds(60))
                    .get(0).value());
            assertThat(published.get("type").asString()).isEqualTo(EventTypes.CALENDAR_PUBLISHED);
            assertThat(published.get("data").get("holidays").valueStream().map(JsonNode::asString))
                    .contains("2027-01-01", "2026-10-01");
            assertThat(published.get("data").get("departments").valueStream().map(JsonNode::asString))
                    .containsExactly(department);
        }
    }

    @Test
    void whenACalendarInUseKnowsTooFewDaysAheadThenHealthWarnsUntilTheYearsAreEntered() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String calendar = "T-SHORT-" + suffix;
        assertThat(admin().put("/api/v1/calendars/" + calendar, office2026("快用完的日历")).status()).isEqualTo(200);
        JsonNode cs = admin().get("/api/v1/departments/CUSTOMER_SERVICE").json();
        new Api(port, IDP.token("M001", "MANAGER")).put("/api/v1/departments/TSHORT_" + suffix, """
                {"nameZh":"测试部","nameEn":"Test","head":"T-HEAD","calendarId":"%s","sla":%s}"""
                .formatted(calendar, cs.get("sla").toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> coverage.health().getDetails().containsKey(calendar));
        assertThat(coverage.health().getStatus()).isEqualTo(CalendarCoverage.WARNING);
        assertThat(coverage.health().getDetails().get(calendar).toString()).contains("enter the next year");
        assertThat(new Api(port, null).get("/actuator/health").status()).isEqualTo(200);
        assertThat(new Api(port, null).get("/actuator/health").json().get("status").asString()).isEqualTo("WARNING");

        // enter the years from today's up to next year's, whatever year the tests run in
        int thisYear = LocalDate.now(SHANGHAI).getYear();
        long version = 1;
        for (int year = 2027; year <= thisYear + 1; year++) {
            assertThat(admin().put("/api/v1/calendars/" + calendar + "/years/" + year, """
                    {"holidays":["%d-01-01"],"source":"测试","expectedVersion":%d}""".formatted(year, version))
                    .status()).isEqualTo(200);
            version++;
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !coverage.health().getDetails().get(calendar).toString()
                .contains("enter the next year"));
        assertThat(coverage.coveredDays(calendar)).isGreaterThanOrEqualTo(90);
    }

    @Test
    void whenACalendarIsWrongOrEditedByTheWrongPersonThenEveryBadFieldIsNamedAndNothingChanges() {
        String calendar = "T-BAD-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Api.Response bad = admin().put("/api/v1/calendars/" + calendar, """
                {"name":"错误","weekdays":{"MONDAY":%s,"SATURDAY":{"opens":"18:00","closes":"09:00"}},
                 "years":[2026],"holidays":["2026-10-01","2027-01-01"],
                 "makeUpWorkingDays":["2026-10-01","2026-09-21"]}""".formatted(OFFICE_HOURS));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("weekdays.SATURDAY.closes", "holidays[1]", "makeUpWorkingDays[0]",
                        "makeUpWorkingDays[1]");
        assertThat(admin().get("/api/v1/calendars/" + calendar).status()).isEqualTo(404);

        assertThat(new Api(port, IDP.token("M001", "MANAGER")).put("/api/v1/calendars/" + calendar,
                office2026("经理不能改")).status()).isEqualTo(403);
        assertThat(admin().put("/api/v1/calendars/24X7", office2026("内置")).status()).isEqualTo(409);

        assertThat(admin().put("/api/v1/calendars/" + calendar, office2026("第一版")).status()).isEqualTo(200);
        Api.Response withoutVersion = admin().put("/api/v1/calendars/" + calendar, office2026("没有版本"));
        assertThat(withoutVersion.status()).isEqualTo(400);
        assertThat(withoutVersion.json().get("errors").get(0).get("field").asString()).isEqualTo("expectedVersion");
        String stale = office2026("过期").replace("\"source\"", "\"expectedVersion\":7,\"source\"");
        assertThat(admin().put("/api/v1/calendars/" + calendar, stale).status()).isEqualTo(409);
        assertThat(admin().get("/api/v1/calendars/" + calendar).json().get("name").asString()).isEqualTo("第一版");
    }
}
