package com.caseflow.routing.onduty.web;

import com.caseflow.events.Topics;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.routing.onduty.application.OnDutyRosters;
import com.caseflow.routing.support.Contacts;
import com.caseflow.routing.support.RoutingServiceTest;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.EventLog;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who answers for a department at any hour (值班表): its head plans the roster, everyone reads it, and an URGENT case
 * names the person on duty when it is routed — with deadlines in minutes on the 24×7 calendar.
 */
@RoutingServiceTest
class OnDutyApiTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    OnDutyRosters rosters;

    private Api head() {
        return new Api(port, IDP.departmentToken("ENG-HEAD", "ENGINEERING"));
    }

    private static String local(Instant at) {
        return at.atOffset(ZoneOffset.ofHours(8)).toString();
    }

    private static String query(Instant at) {
        return URLEncoder.encode(local(at), StandardCharsets.UTF_8);
    }

    @Test
    void whenTheHeadPlansTheNightThenTheRosterShowsTheShiftsAndTheGapsAndOnlyTheHeadOrAnAdminMayPlan() {
        Instant from = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
        Instant to = from.plus(Duration.ofHours(24));
        JsonNode before = head().get("/api/v1/departments/ENGINEERING/on-duty?from=" + query(from) + "&days=1")
                .json();
        String plan = """
                {"from":"%s","to":"%s","expectedVersion":%d,"shifts":[
                  {"staffId":"D-ENG-01","start":"%s","end":"%s"},
                  {"staffId":"D-ENG-02","start":"%s","end":"%s"}]}""".formatted(local(from), local(to),
                before.get("version").asLong(), local(from), local(from.plusSeconds(8 * 3600)),
                local(from.plusSeconds(12 * 3600)), local(to));

        assertThat(new Api(port, IDP.departmentToken("D-ENG-01", "ENGINEERING"))
                .put("/api/v1/departments/ENGINEERING/on-duty", plan).status()).isEqualTo(403);
        assertThat(new Api(port, IDP.departmentToken("D-PM-01", "PROPERTY_MANAGEMENT"))
                .put("/api/v1/departments/ENGINEERING/on-duty", plan).status()).isEqualTo(403);
        Api.Response planned = head().put("/api/v1/departments/ENGINEERING/on-duty", plan);
        assertThat(planned.status()).isEqualTo(200);

        JsonNode roster = planned.json();
        assertThat(roster.get("changedBy").asString()).isEqualTo("ENG-HEAD");
        assertThat(roster.get("shifts").valueStream().map(s -> s.get("staffId").asString()))
                .containsExactly("D-ENG-01", "D-ENG-02");
        assertThat(roster.get("gaps")).singleElement().satisfies(gap -> {
            assertThat(OffsetDateTime.parse(gap.get("from").asString()).toInstant()).isEqualTo(from.plusSeconds(8 * 3600));
            assertThat(OffsetDateTime.parse(gap.get("to").asString()).toInstant()).isEqualTo(from.plusSeconds(12 * 3600));
        });
        assertThat(rosters.onDuty("ENGINEERING", from.plusSeconds(13 * 3600))).contains("D-ENG-02");
        assertThat(rosters.onDuty("ENGINEERING", from.plusSeconds(9 * 3600))).isEmpty();

        assertThat(head().put("/api/v1/departments/ENGINEERING/on-duty", plan).status()).isEqualTo(409);
        assertThat(new Api(port, IDP.token("ADMIN01", "ADMIN")).put("/api/v1/departments/ENGINEERING/on-duty",
                plan.replaceFirst("\"expectedVersion\":\\d+", "\"expectedVersion\":"
                        + roster.get("version").asLong())).status()).isEqualTo(200);
        assertThat(new Api(port, IDP.token("A001", "AGENT"))
                .get("/api/v1/departments/ENGINEERING/on-duty/now").status()).isEqualTo(200);
    }

    @Test
    void whenARosterChangeIsWrongThenEveryBadFieldIsNamedAndTheRosterIsUnchanged() {
        Instant from = Instant.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.HOURS);
        Api.Response bad = head().put("/api/v1/departments/ENGINEERING/on-duty", """
                {"from":"%s","to":"%s","shifts":[
                  {"staffId":"D-ENG-01","start":"%s","end":"%s"},
                  {"staffId":"D-ENG-02","start":"%s","end":"%s"},
                  {"staffId":"bad id!","start":"%s","end":"%s"},
                  {"staffId":"D-ENG-01","start":"next tuesday","end":"%s"}]}""".formatted(local(from),
                local(from.plusSeconds(86_400)), local(from), local(from.plusSeconds(8 * 3600)),
                local(from.plusSeconds(4 * 3600)), local(from.plusSeconds(10 * 3600)),
                local(from.plusSeconds(20 * 3600)), local(from.plusSeconds(19 * 3600)), local(from)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("shifts[3].start");
        Api.Response overlapping = head().put("/api/v1/departments/ENGINEERING/on-duty", """
                {"from":"%s","to":"%s","shifts":[
                  {"staffId":"D-ENG-01","start":"%s","end":"%s"},
                  {"staffId":"D-ENG-02","start":"%s","end":"%s"},
                  {"staffId":"bad id!","start":"%s","end":"%s"}]}""".formatted(local(from),
                local(from.plusSeconds(86_400)), local(from), local(from.plusSeconds(8 * 3600)),
                local(from.plusSeconds(4 * 3600)), local(from.plusSeconds(10 * 3600)),
                local(from.plusSeconds(20 * 3600)), local(from.plusSeconds(19 * 3600))));
        assertThat(overlapping.status()).isEqualTo(400);
        assertThat(overlapping.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("shifts[1]", "shifts[2].staffId", "shifts[2].end");
        assertThat(head().get("/api/v1/departments/ENGINEERING/on-duty?from=" + query(from) + "&days=1").json()
                .get("shifts")).isEmpty();
        assertThat(head().get("/api/v1/departments/NOPE/on-duty").status()).isEqualTo(404);
    }

    @Test
    void whenAGasLeakIsReportedThenItsCaseNamesWhoIsOnDutyAndItsDeadlinesRunInMinutesAroundTheClock() {
        String contactId = UUID.randomUUID().toString();
        Instant receivedAt = Instant.now();
        var leak = Contacts.contact(contactId, "139" + String.format("%08d", Math.abs(contactId.hashCode()) % 100_000_000),
                "SH-LJY", "9栋1单元301", ContactCategory.REPAIR, "卫生间天花板漏水，水一直往下滴", false, receivedAt);
        try (EventLog log = new EventLog(broker.getBrokersAsString());
             TopicReader cases = new TopicReader(broker.getBrokersAsString(), Topics.CASES)) {
            log.publish(Topics.CONTACTS, leak);
            JsonNode routed = cases.read(r -> JSON.readTree(r.value()).get("data").path("contactId").asString()
                    .equals(contactId), 1, Duration.ofSeconds(60)).stream()
                    .map(r -> JSON.readTree(r.value()).get("data")).findFirst().orElseThrow();

            assertThat(routed.get("priority").asString()).isEqualTo("URGENT");
            Instant routedAt = Instant.parse(routed.get("routedAt").asString());
            assertThat(routed.get("onDutyStaffId").asString())
                    .isEqualTo(rosters.onDuty("ENGINEERING", routedAt).orElseThrow());
            JsonNode deadlines = routed.get("deadlines");
            assertThat(deadlines.get("calendarId").asString()).isEqualTo("24X7");
            assertThat(deadlines.get("firstResponseMinutes").asInt()).isEqualTo(15);
            assertThat(Instant.parse(deadlines.get("firstResponseDue").asString()))
                    .isEqualTo(receivedAt.plus(Duration.ofMinutes(15)));
            assertThat(Instant.parse(deadlines.get("resolutionDue").asString()))
                    .isEqualTo(receivedAt.plus(Duration.ofHours(4)));
        }
    }
}
