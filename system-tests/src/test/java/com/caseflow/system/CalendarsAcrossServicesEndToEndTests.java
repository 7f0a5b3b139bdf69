package com.caseflow.system;

import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One calendar for everyone: an administrator enters the next year's holidays at routing, and follow-up and evaluation
 * — which keep no calendar of their own — count in the same calendar moments later, each its own process.
 */
class CalendarsAcrossServicesEndToEndTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final CaseFlowSystem system = CaseFlowSystem.get();

    @Test
    void whenAnAdministratorEntersTheNextYearThenFollowUpAndEvaluationCountInItToo() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String calendar = "SYS-" + suffix;
        Api admin = new Api(system.routing.port(), IDP.token("ADMIN01", "ADMIN"));
        Api manager = admin.as(IDP.token("M001", "MANAGER"));
        int thisYear = LocalDate.now(SHANGHAI).getYear();
        assertThat(admin.put("/api/v1/calendars/" + calendar, """
                {"name":"系统测试日历","weekdays":{"MONDAY":{"opens":"09:00","closes":"18:00"},
                 "TUESDAY":{"opens":"09:00","closes":"18:00"},"WEDNESDAY":{"opens":"09:00","closes":"18:00"},
                 "THURSDAY":{"opens":"09:00","closes":"18:00"},"FRIDAY":{"opens":"09:00","closes":"18:00"}},
                 "years":[%d],"holidays":["%d-10-01"],"source":"测试"}""".formatted(thisYear, thisYear))
                .status()).isEqualTo(200);
        JsonNode cs = admin.get("/api/v1/departments/CUSTOMER_SERVICE").json();
        assertThat(manager.put("/api/v1/departments/SYS_" + suffix, """
                {"nameZh":"系统测试部","nameEn":"System test","head":"SYS-HEAD","calendarId":"%s","sla":%s}"""
                .formatted(calendar, cs.get("sla"))).status()).isEqualTo(200);

        long thisYearOnly = ChronoUnit.DAYS.between(LocalDate.now(SHANGHAI), LocalDate.of(thisYear, 12, 31)) + 1;
        awaitCoveredDays(system.followUp.port(), calendar, thisYearOnly);
        awaitCoveredDays(system.evaluation.port(), calendar, thisYearOnly);

        assertThat(admin.put("/api/v1/calendars/" + calendar + "/years/" + (thisYear + 1), """
                {"holidays":["%d-01-01"],"source":"测试","expectedVersion":1}""".formatted(thisYear + 1))
                .status()).isEqualTo(200);

        long throughNextYear = ChronoUnit.DAYS.between(LocalDate.now(SHANGHAI), LocalDate.of(thisYear + 1, 12, 31)) + 1;
        awaitCoveredDays(system.followUp.port(), calendar, throughNextYear);
        awaitCoveredDays(system.evaluation.port(), calendar, throughNextYear);
    }

    /**
     * The service's copy of the calendar says it knows the holidays for this many days: its coverage gauge, read after
     * its health has looked at the calendars in use.
     */
    private static void awaitCoveredDays(int port, String calendar, long days) {
        Api anonymous = new Api(port, null);
        Pattern gauge = Pattern.compile("caseflow_calendar_covered_days\\{[^}]*calendar=\"" + calendar
                + "\"[^}]*} ([0-9.E+-]+|\\+Inf)");
        await().atMost(WAIT).until(() -> {
            anonymous.get("/actuator/health");
            Matcher m = gauge.matcher(anonymous.get("/actuator/prometheus").raw().body());
            return m.find() && (long) Double.parseDouble(m.group(1)) == days;
        });
    }
}
