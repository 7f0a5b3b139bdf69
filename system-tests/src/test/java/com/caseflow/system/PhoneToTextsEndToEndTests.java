package com.caseflow.system;

import com.caseflow.events.CloudEventHeaders;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.webhook.WebhookSignature;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The phone platform and the customer's phone across the services: the platform's signed call events reach intake
 * over HTTP; the call the agent answered is recorded with the platform's times, its case opens and the customer is
 * told by text; when engineering resolves it the customer answers the text's satisfaction question, and that answer
 * closes the callback. The caller who hung up before anyone answered is a call-back task at follow-up, and the
 * hotline's service level, speed of answer and abandonment come out of evaluation exactly.
 */
class PhoneToTextsEndToEndTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOTLINE = "400-820-1616";

    private final CaseFlowSystem system = CaseFlowSystem.get();

    @Test
    void whenTheHotlineRingsThenCallsAreMeasuredCustomersAreToldByTextAndAMissedCallIsWork() {
        String answered = "C-" + UUID.randomUUID();
        String missed = "C-" + UUID.randomUUID();
        Instant offeredAt = Instant.now().minusSeconds(60);
        callEvent(answered, "QUEUED", "13655550016", null, offeredAt);
        callEvent(answered, "RINGING", "13655550016", "A001", offeredAt.plusSeconds(2));
        callEvent(answered, "ANSWERED", "13655550016", "A001", offeredAt.plusSeconds(8));
        callEvent(missed, "QUEUED", "13655550017", null, offeredAt.plusSeconds(5));
        callEvent(missed, "RINGING", "13655550017", "A002", offeredAt.plusSeconds(7));
        callEvent(missed, "ABANDONED", "13655550017", null, offeredAt.plusSeconds(30));

        // the agent records the answered call: the platform's times, not the typed ones
        Api agent = new Api(system.intake.port(), IDP.token("A001", "AGENT"));
        Api.Response recorded = agent.post("/api/v1/calls", """
                {"callId":"%s","ringCount":9,"callerName":"钱芳","phone":"13655550016","callerType":"OWNER",
                 "projectCode":"SH-LJY","unit":"E2E栋3单元1601","matter":"卫生间天花板渗水，楼上装修后开始的",
                 "category":"REPAIR","settledOnCall":false,"greetingGiven":true}""".formatted(answered));
        assertThat(recorded.status()).isEqualTo(201);
        JsonNode call = recorded.json().get("call");
        assertThat(call.get("timing").asString()).isEqualTo("MEASURED");
        assertThat(call.get("ringCount").asInt()).as("6 s of ringing: two rings, not the 9 typed").isEqualTo(2);
        String contactId = recorded.json().get("id").asString();

        // the case opens in engineering and the customer gets its number by text, without the matter
        Api engineering = new Api(system.routing.port(), IDP.departmentToken("D-ENG-01", "ENGINEERING"));
        String caseId = await().atMost(WAIT).until(() -> engineering
                .get("/api/v1/departments/ENGINEERING/cases?size=100").json().get("content").valueStream()
                .filter(c -> contactId.equals(c.get("contacts").get(0).get("contactId").asString()))
                .map(c -> c.get("id").asString()).findFirst().orElse(null), id -> id != null);
        JsonNode opened = text(caseId, "CASE_OPENED");
        assertThat(opened.get("to").asString()).isEqualTo("13655550016");
        assertThat(opened.get("text").asString()).contains(caseId.substring(0, 8).toUpperCase(Locale.ROOT), "工程")
                .doesNotContain("渗水", "钱芳");

        assertThat(engineering.post("/api/v1/cases/" + caseId + "/accept", "").status()).isEqualTo(200);
        assertThat(engineering.post("/api/v1/cases/" + caseId + "/resolve", """
                {"resolution":"已修复楼上防水层"}""").status()).isEqualTo(200);
        assertThat(text(caseId, "CASE_RESOLVED").get("text").asString()).contains("1-5");

        // the customer answers the text before anyone calls back: that is the callback's satisfaction
        Api gateway = new Api(system.followUp.port(), null);
        byte[] reply = """
                {"replyId":"R-%s","from":"13655550016","text":"5","receivedAt":"%s"}"""
                .formatted(UUID.randomUUID(), Instant.now()).getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        assertThat(gateway.post("/api/v1/sms/replies", new String(reply, StandardCharsets.UTF_8),
                WebhookSignature.TIMESTAMP_HEADER, Long.toString(now), WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.sign(CaseFlowSystem.SMS_SECRET, now, reply)).status()).isEqualTo(202);
        try (TopicReader followUps = new TopicReader(system.brokers(), Topics.FOLLOWUPS)) {
            ConsumerRecord<String, byte[]> feedback = followUps.read(r -> caseId.equals(r.key())
                    && EventTypes.CUSTOMER_FEEDBACK_RECORDED.equals(TopicReader.header(r, CloudEventHeaders.TYPE)),
                    1, WAIT).get(0);
            JsonNode data = JSON.readTree(feedback.value()).get("data");
            assertThat(data.get("channel").asString()).isEqualTo("SMS");
            assertThat(data.get("satisfaction").asInt()).isEqualTo(5);
            assertThat(data.get("agentId").asString()).isEqualTo("A001");
        }

        // the caller who hung up is customer service's work
        Api customerService = new Api(system.followUp.port(), IDP.departmentToken("D-CS-01", "CUSTOMER_SERVICE"));
        JsonNode task = await().atMost(WAIT).until(() -> customerService
                .get("/api/v1/missed-calls?status=OPEN&size=100").json().get("content").valueStream()
                .filter(t -> t.get("callIds").valueStream().anyMatch(id -> missed.equals(id.asString())))
                .findFirst().orElse(null), t -> t != null);
        assertThat(task.get("caller").asString()).isEqualTo("13655550017");
        assertThat(customerService.post("/api/v1/missed-calls/" + task.get("id").asString() + "/attempts", """
                {"outcome":"REACHED","note":"客户问交房时间，已答复"}""").json().get("status").asString())
                .isEqualTo("CLOSED");

        // the hotline's hour: two offered, one answered 8 s after the offer, one abandoned
        Api manager = new Api(system.evaluation.port(), IDP.token("M001", "MANAGER"));
        LocalDate day = LocalDate.ofInstant(offeredAt, ZoneId.of("Asia/Shanghai"));
        JsonNode hotline = await().atMost(WAIT).until(() -> manager
                .get("/api/v1/reports/hotlines?from=" + day + "&to=" + day).json().get("hotlines").valueStream()
                .filter(h -> h.get("hotline").asString().replace("-", "").equals(HOTLINE.replace("-", "")))
                .findFirst().map(h -> h.get("total")).orElse(null),
                total -> total != null && total.get("offered").asLong() == 2 && total.get("abandoned").asLong() == 1);
        assertThat(hotline.get("answered").asLong()).isEqualTo(1);
        assertThat(hotline.get("serviceLevel").asDouble()).isEqualTo(0.5);
        assertThat(hotline.get("averageSpeedOfAnswerSeconds").asDouble()).isEqualTo(8.0);
        assertThat(hotline.get("abandonmentRate").asDouble()).isEqualTo(0.5);
    }

    /** One of the platform's events, signed as the platform signs it. */
    private void callEvent(String callId, String type, String caller, String agentId, Instant at) {
        Map<String, String> event = new LinkedHashMap<>(Map.of("eventId", UUID.randomUUID().toString(), "type", type,
                "callId", callId, "hotline", HOTLINE, "caller", caller, "occurredAt", at.toString()));
        if (agentId != null) {
            event.put("agentId", agentId);
        }
        byte[] body = JSON.writeValueAsBytes(event);
        long now = Instant.now().getEpochSecond();
        Api.Response accepted = new Api(system.intake.port(), null).post("/api/v1/phone/events",
                new String(body, StandardCharsets.UTF_8), WebhookSignature.TIMESTAMP_HEADER, Long.toString(now),
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(CaseFlowSystem.PHONE_SECRET, now, body));
        assertThat(accepted.status()).as(type + ": " + accepted.raw().body()).isEqualTo(202);
    }

    /** The text follow-up sent for a case with this template, once it has. */
    private JsonNode text(String caseId, String template) {
        return await().atMost(WAIT).until(() -> system.texts().stream().map(JSON::readTree)
                .filter(t -> caseId.equals(t.path("caseId").asString()) && template.equals(t.path("template")
                        .asString())).findFirst().orElse(null), t -> t != null);
    }
}
