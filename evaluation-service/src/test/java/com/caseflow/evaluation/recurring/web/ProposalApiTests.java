package com.caseflow.evaluation.recurring.web;

import com.caseflow.evaluation.support.EvaluationServiceTest;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.Topics;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.EventLog;
import com.caseflow.support.testing.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.UUID;

import static com.caseflow.evaluation.support.TestEvents.SHANGHAI;
import static com.caseflow.evaluation.support.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Improvement proposals over HTTP, with their issue's weekly volume folded from contacts on the real broker. */
@EvaluationServiceTest
class ProposalApiTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final String PROPOSALS = "/api/v1/issues/proposals";
    private static final String TITLE = "电梯频繁故障：更换5栋电梯控制板";
    private static final String DESCRIPTION = "业主多次反映5栋电梯停运，物业与维保单位每周联合巡检。";

    @Autowired
    EmbeddedKafkaBroker broker;
    @LocalServerPort
    int port;

    private static String project() {
        return "PR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static String proposal(String project, String category, String title, String owner, String dueDate) {
        return """
                {"projectCode": "%s", "category": "%s", "title": "%s", "description": "%s", "owner": "%s",
                 "dueDate": "%s"}""".formatted(project, category, title, DESCRIPTION, owner, dueDate);
    }

    private static String nextMonth() {
        return LocalDate.now(SHANGHAI).plusMonths(1).toString();
    }

    private Api.Response patch(String token, String path, String ifMatch, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static EventEnvelope<ContactReceived> contact(String project, ContactCategory category, LocalDate day) {
        String id = UUID.randomUUID().toString();
        return envelope(id, new ContactReceived(id, Channel.PHONE, "A001", day.atTime(10, 0).atZone(SHANGHAI)
                .toInstant(), null, null, 1, true, true, null, null, null, "业主", CallerType.OWNER, "13812345678",
                null, project, "5栋", "电梯停运", category, false, true));
    }

    private static java.util.List<String> fields(Api.Response response) {
        return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static java.util.List<String> ids(JsonNode page) {
        return page.get("content").valueStream().map(p -> p.get("id").asString()).toList();
    }

    @Test
    void whenAManagerRecordsAProposalThenItIsStoredInChineseWithItsIssuesWeeklyVolume() {
        String project = project();
        Api manager = new Api(port, IDP.token("M001", "MANAGER"));

        Api.Response created = manager.post(PROPOSALS, proposal(project, "REPAIR", TITLE, "S001", nextMonth()));

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(created.header("Location")).endsWith(PROPOSALS + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(body.get("title").asString()).isEqualTo(TITLE);
        assertThat(body.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(body.get("statusLabel").asString()).isEqualTo("已提出");
        assertThat(body.get("categoryLabel").asString()).isEqualTo("报修");
        assertThat(body.get("recordedBy").asString()).isEqualTo("M001");

        // 2 + 4 + 2 lift contacts in the four weeks before the recording week, 1 in it, and others that do not count
        LocalDate monday = LocalDate.ofInstant(Instant.parse(body.get("recordedAt").asString()), SHANGHAI)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        try (EventLog log = new EventLog(broker.getBrokersAsString())) {
            for (LocalDate day : new LocalDate[]{monday.minusDays(1), monday.minusDays(3), monday.minusWeeks(3),
                    monday.minusWeeks(3), monday.minusWeeks(3).plusDays(6), monday.minusWeeks(3).plusDays(2),
                    monday.minusWeeks(4), monday.minusWeeks(4), monday}) {
                log.publish(Topics.CONTACTS, contact(project, ContactCategory.REPAIR, day));
            }
            log.publish(Topics.CONTACTS, contact(project, ContactCategory.SALES, monday.minusDays(1)));
            log.publish(Topics.CONTACTS, contact(project, ContactCategory.REPAIR, monday.minusWeeks(5)));
        }

        JsonNode volume = await().atMost(Duration.ofSeconds(90))
                .until(() -> manager.get(PROPOSALS + "/" + id).json().get("volume"),
                        v -> v.get("beforeAverage").asDouble() == 2.0 && v.get("weeks").get(4).get("contacts")
                                .asLong() == 1);
        assertThat(volume.get("weeks").valueStream().map(w -> w.get("contacts").asLong()))
                .containsExactly(2L, 4L, 0L, 2L, 1L);
        assertThat(volume.get("weeks").valueStream().map(w -> w.get("phase").asString()))
                .containsExactly("BEFORE", "BEFORE", "BEFORE", "BEFORE", "RECORDED");
        assertThat(volume.get("afterAverage").isNull()).as("no week after it is over yet").isTrue();
        assertThat(volume.get("fell").isNull()).isTrue();

        Api.Response read = new Api(port, IDP.token("A001", "AGENT")).get(created.header("Location")
                .substring(created.header("Location").indexOf(PROPOSALS)));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.json().get("description").asString()).isEqualTo(DESCRIPTION);
        assertThat(read.json().get("projectCode").asString()).isEqualTo(project);
        assertThat(manager.get(PROPOSALS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void whenAProposalIsChangedOverSomeoneElsesChangeThenItIsRefusedWith409() {
        Api supervisor = new Api(port, IDP.token("S001", "SUPERVISOR"));
        String manager = IDP.token("M001", "MANAGER");
        String id = supervisor.post(PROPOSALS, proposal(project(), "COMPLAINT", TITLE, "S001", nextMonth())).json()
                .get("id").asString();
        String path = PROPOSALS + "/" + id;

        Api.Response started = patch(manager, path, "\"0\"", "{\"status\": \"IN_PROGRESS\", \"owner\": \"S002\"}");
        Api.Response stale = patch(manager, path, "\"0\"", "{\"status\": \"DROPPED\"}");

        assertThat(started.status()).isEqualTo(200);
        assertThat(started.header("ETag")).isEqualTo("\"1\"");
        assertThat(started.json().get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(started.json().get("owner").asString()).isEqualTo("S002");
        assertThat(started.json().get("updatedBy").asString()).isEqualTo("M001");
        assertThat(stale.status()).isEqualTo(409);
        JsonNode now = supervisor.get(path).json();
        assertThat(now.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(now.get("version").asLong()).isEqualTo(1);

        Api.Response done = patch(manager, path, null, "{\"status\": \"DONE\", \"dueDate\": \"" + nextMonth() + "\"}");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.header("ETag")).isEqualTo("\"2\"");
        assertThat(done.json().get("title").asString()).isEqualTo(TITLE);

        assertThat(ids(supervisor.get(PROPOSALS + "?status=DONE&size=100").json())).contains(id);
        assertThat(ids(supervisor.get(PROPOSALS + "?status=PROPOSED&size=100").json())).doesNotContain(id);
        assertThat(ids(supervisor.get(PROPOSALS + "?size=100").json())).contains(id);
        assertThat(fields(supervisor.get(PROPOSALS + "?status=FINISHED&size=500"))).containsExactly("size", "status");
    }

    @Test
    void whenAProposalIsBadThenEachBadFieldIsNamedAndNothingIsStored() {
        Api manager = new Api(port, IDP.token("M001", "MANAGER"));
        long before = manager.get(PROPOSALS).json().get("totalElements").asLong();

        Api.Response bad = manager.post(PROPOSALS, proposal("sh-ljy", "LIFTS", "电".repeat(201), "", "2020-01-01")
                .replace(DESCRIPTION, "述".repeat(2001)));
        Api.Response missing = manager.post(PROPOSALS, "{\"description\": \"只有描述\"}");
        Api.Response unknown = manager.post(PROPOSALS, "{\"projectCode\": \"SH-LJY\", \"priority\": \"HIGH\"}");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactly("projectCode", "category", "title", "description", "owner",
                "dueDate");
        assertThat(fields(missing)).containsExactly("projectCode", "category", "title", "owner", "dueDate");
        assertThat(fields(unknown)).containsExactly("priority");
        assertThat(manager.get(PROPOSALS).json().get("totalElements").asLong()).isEqualTo(before);

        Api.Response longest = manager.post(PROPOSALS, proposal(project(), "SALES", "电".repeat(200), "S001",
                nextMonth()).replace(DESCRIPTION, "述".repeat(2000)));
        assertThat(longest.status()).as("200 and 2000 Chinese characters are allowed").isEqualTo(201);
        assertThat(longest.json().get("description").asString()).hasSize(2000);

        String path = PROPOSALS + "/" + longest.json().get("id").asString();
        assertThat(fields(patch(IDP.token("M001", "MANAGER"), path, null,
                "{\"status\": \"FINISHED\", \"owner\": \"张 三\", \"dueDate\": \"2026-02-30\"}")))
                .containsExactly("status", "owner", "dueDate");
        assertThat(fields(patch(IDP.token("M001", "MANAGER"), path, null, "{}"))).containsExactly("body");
        assertThat(fields(patch(IDP.token("M001", "MANAGER"), path, "three", "{\"status\": \"DONE\"}")))
                .containsExactly("If-Match");
        assertThat(manager.get(path).json().get("version").asLong()).isZero();
    }

    @Test
    void whenAnAgentOrDepartmentStaffTriesToWriteThenTheyAreRefused() {
        String body = proposal(project(), "REPAIR", TITLE, "S001", nextMonth());
        String agent = IDP.token("A001", "AGENT");
        String id = new Api(port, IDP.token("S001", "SUPERVISOR")).post(PROPOSALS, body).json().get("id").asString();

        assertThat(new Api(port, agent).post(PROPOSALS, body).status()).isEqualTo(403);
        assertThat(new Api(port, IDP.departmentToken("D-ENG-01", "ENGINEERING")).post(PROPOSALS, body).status())
                .isEqualTo(403);
        assertThat(patch(agent, PROPOSALS + "/" + id, null, "{\"status\": \"DONE\"}").status()).isEqualTo(403);
        assertThat(new Api(port, agent).get(PROPOSALS + "/" + id).json().get("status").asString())
                .isEqualTo("PROPOSED");
        assertThat(new Api(port, agent).get(PROPOSALS).status()).isEqualTo(200);
    }
}
