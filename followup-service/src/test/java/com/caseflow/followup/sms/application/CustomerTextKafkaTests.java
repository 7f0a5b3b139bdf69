package com.caseflow.followup.sms.application;

import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.Topics;
import com.caseflow.events.cases.CaseCustomer;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.webhook.WebhookSignature;
import com.caseflow.followup.callbacks.application.Callbacks;
import com.caseflow.followup.callbacks.domain.Callback;
import com.caseflow.followup.callbacks.domain.CallbackStatus;
import com.caseflow.followup.sms.domain.CaseNumbers;
import com.caseflow.followup.sms.domain.SmsStatus;
import com.caseflow.followup.sms.domain.SmsTemplate;
import com.caseflow.followup.sms.domain.TextMessage;
import com.caseflow.followup.sms.persistence.TextMessageStore;
import com.caseflow.followup.notifications.application.NotificationDispatcher;
import com.caseflow.followup.support.CaseLog;
import com.caseflow.followup.support.Cases;
import com.caseflow.followup.support.FollowUpServiceTest;
import com.caseflow.followup.support.TestClock;
import com.caseflow.followup.support.TestSmsGateway;
import com.caseflow.followup.timers.application.TimerSweep;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.Barriers;
import com.caseflow.support.testing.TestIdentityProvider;
import com.caseflow.support.testing.TopicReader;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Texts to customers through the real broker and a real HTTP gateway that checks every signature: one per event,
 * held through the quiet hours (not for URGENT cases), never to a number that opted out, sent once despite an outage;
 * and replies to them, which answer the callback (回访) as a call would.
 */
@FollowUpServiceTest
class CustomerTextKafkaTests {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TestSmsGateway GATEWAY = TestSmsGateway.get();
    private static final String REPLIES = "/api/v1/sms/replies";
    private static final AtomicLong SIGNED_BEFORE = new AtomicLong();

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    SmsDispatcher dispatcher;
    @Autowired
    TextMessageStore messages;
    @Autowired
    Callbacks callbacks;
    @Autowired
    CircuitBreakerRegistry breakers;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    TimerSweep timers;
    @Autowired
    MeterRegistry meters;
    @Autowired
    NotificationDispatcher notifications;
    @LocalServerPort
    int port;

    @AfterEach
    void gatewayBack() {
        GATEWAY.failWith(0);
        breakers.circuitBreaker("sms").reset();
    }

    /**
     * These tests move the shared clock by up to a night: every timer that fell due meanwhile — of any test's cases —
     * is fired and its notification delivered now, so that the next test class finds only what it makes itself.
     */
    @AfterEach
    void nothingLeftDue() {
        while (timers.sweep() > 0) {
            // a batch at a time
        }
        Barriers.outboxEmpty(mongo, List.of("follow_ups", "callbacks"));
        Barriers.consumed(broker.getBrokersAsString(), "followup-service", Topics.FOLLOWUPS);
        while (notifications.deliverDue() > 0) {
            // a batch at a time
        }
        while (dispatcher.sendDue() > 0) {
            // a batch at a time
        }
    }

    @Test
    void whenACaseOpensThenItsCustomerGetsOneTextWithTheCaseNumberAndDepartmentButNoDetailsOfTheMatter() {
        daytime();
        String caseId = Cases.newCaseId();
        String phone = newMobile();
        try (CaseLog cases = new CaseLog(broker.getBrokersAsString())) {
            cases.publish(caseId, routed(caseId, phone, Priority.HIGH));
            List<TestSmsGateway.Received> sent = sentFor(caseId, 1);

            JsonNode body = sent.get(0).body();
            assertThat(body.get("to").asString()).isEqualTo(phone);
            assertThat(body.get("template").asString()).isEqualTo("CASE_OPENED");
            assertThat(body.get("messageId").asString()).isEqualTo(sent.get(0).idempotencyKey());
            assertThat(sent.get(0).text()).startsWith("【CaseFlow置业客服】")
                    .contains(CaseNumbers.of(caseId), "工程维修部", "回复退订不再接收")
                    .doesNotContain("漏水", "天花板", "王芳", phone, "SH-LJY", "3栋");
            assertThat(CaseNumbers.of(caseId)).hasSize(8).isUpperCase();
            assertThat(only(caseId).status()).isEqualTo(SmsStatus.SENT);
            assertThat(GATEWAY.unsigned()).isZero();
            assertThat(meters.get("caseflow.sms.messages").tags("template", "CASE_OPENED", "status", "SENT")
                    .counter().count()).isPositive();

            Api supervisor = new Api(port, TestIdentityProvider.get().token("S001", "SUPERVISOR"));
            JsonNode texts = supervisor.get("/api/v1/cases/" + caseId + "/texts").json();
            assertThat(texts).hasSize(1);
            assertThat(texts.get(0).get("status").asString()).isEqualTo("SENT");
            assertThat(texts.get(0).get("to").asString()).isEqualTo(phone.substring(0, 3) + "****"
                    + phone.substring(7));
            assertThat(supervisor.as(TestIdentityProvider.get().token("A001", "AGENT"))
                    .get("/api/v1/cases/" + caseId + "/texts").status()).isEqualTo(403);
        }
    }

    @Test
    void whenTheSameCaseRoutedIsDeliveredAgainThenTheCustomerStillGetsOneText() {
        daytime();
        String caseId = Cases.newCaseId();
        try (CaseLog cases = new CaseLog(broker.getBrokersAsString())) {
            EventEnvelope<Object> routed = cases.publish(caseId, routed(caseId, newMobile(), Priority.NORMAL));
            cases.publish(routed);

            // follow-up has committed both deliveries: every message they will ever make is stored
            Barriers.consumed(broker.getBrokersAsString(), "followup-service", Topics.CASES);
            assertThat(messages.ofCase(caseId)).hasSize(1);
            sentFor(caseId, 1);
            dispatcher.sendDue();
            assertThat(GATEWAY.receivedFor(caseId)).hasSize(1);
            assertThat(messages.versioned(only(caseId).id()).orElseThrow().due()).isNull();
        }
    }

    @Test
    void whenACaseOpensInQuietHoursThenItsTextIsHeldUntilEightButAnUrgentCaseIsToldAtOnce() {
        Instant evening = next(LocalTime.of(22, 0));
        TestClock.CLOCK.advanceTo(evening);
        String ordinary = Cases.newCaseId();
        String urgent = Cases.newCaseId();
        try (CaseLog cases = new CaseLog(broker.getBrokersAsString())) {
            cases.publish(ordinary, routed(ordinary, newMobile(), Priority.HIGH));
            cases.publish(urgent, routed(urgent, newMobile(), Priority.URGENT));
            await().atMost(WAIT).until(() -> messages.ofCase(ordinary).size() == 1
                    && messages.ofCase(urgent).size() == 1);

            List<TestSmsGateway.Received> urgentSent = sentFor(urgent, 1);
            assertThat(urgentSent.get(0).text()).contains(CaseNumbers.of(urgent));
            await().atMost(WAIT).until(() -> {
                dispatcher.sendDue();
                return only(ordinary).status() == SmsStatus.HELD_QUIET_HOURS;
            });
            Instant eight = evening.atZone(Cases.SHANGHAI).plusDays(1).with(LocalTime.of(8, 0)).toInstant();
            assertThat(only(ordinary).nextAttemptAt()).isEqualTo(eight);
            assertThat(GATEWAY.receivedFor(ordinary)).isEmpty();

            TestClock.CLOCK.advanceTo(eight.minusSeconds(60));
            dispatcher.sendDue();
            assertThat(GATEWAY.receivedFor(ordinary)).isEmpty();

            TestClock.CLOCK.advanceTo(eight);
            sentFor(ordinary, 1);
            assertThat(only(ordinary).status()).isEqualTo(SmsStatus.SENT);
            assertThat(only(ordinary).sentAt()).isEqualTo(eight);
        }
    }

    @Test
    void whenACustomerRepliedToOptOutThenNoTextGoesToTheirNumberAnyMore() {
        daytime();
        String phone = newMobile();
        Api.Response optOut = reply(UUID.randomUUID().toString(), phone, " 退订 ");
        assertThat(optOut.status()).isEqualTo(202);
        String caseId = Cases.newCaseId();
        String other = Cases.newCaseId();
        try (CaseLog cases = new CaseLog(broker.getBrokersAsString())) {
            cases.publish(caseId, routed(caseId, phone, Priority.URGENT));
            cases.publish(other, routed(other, newMobile(), Priority.HIGH));
            await().atMost(WAIT).until(() -> {
                dispatcher.sendDue();
                return !messages.ofCase(caseId).isEmpty() && only(caseId).status() == SmsStatus.SKIPPED_OPT_OUT;
            });
            // a text to another number in the same rounds went out: the gateway was there to take it
            sentFor(other, 1);
            assertThat(GATEWAY.receivedFor(caseId)).isEmpty();
            assertThat(messages.versioned(only(caseId).id()).orElseThrow().due()).isNull();
        }
    }

    @Test
    void whenTheCustomerRepliesTwoToTheResolutionThenTheCallbackIsClosedBySmsAndTheCaseReopenIsRequested() {
        daytime();
        String caseId = Cases.newCaseId();
        String phone = newMobile();
        try (CaseLog cases = new CaseLog(broker.getBrokersAsString());
             TopicReader followups = new TopicReader(broker.getBrokersAsString(), Topics.FOLLOWUPS)) {
            Instant now = TestClock.CLOCK.instant();
            cases.publish(caseId, routed(caseId, phone, Priority.HIGH));
            cases.publish(caseId, Cases.accepted(caseId, 2, "ENGINEERING", "D-ENG-01", now));
            EventEnvelope<Object> resolvedOnce = cases.publish(caseId, Cases.resolved(caseId, 3, "ENGINEERING", now));
            cases.publish(resolvedOnce);
            List<TestSmsGateway.Received> sent = sentFor(caseId, 2);
            // the resolution delivered twice asked once
            Barriers.consumed(broker.getBrokersAsString(), "followup-service", Topics.CASES);
            assertThat(messages.ofCase(caseId)).extracting(TextMessage::template)
                    .containsExactlyInAnyOrder(SmsTemplate.CASE_OPENED, SmsTemplate.CASE_RESOLVED);
            TestSmsGateway.Received resolved = sent.stream()
                    .filter(r -> "CASE_RESOLVED".equals(r.body().get("template").asString())).findFirst().orElseThrow();
            assertThat(resolved.text()).contains(CaseNumbers.of(caseId), "已处理完毕", "回复1-5评价", "1很不满意",
                    "5很满意", "回复退订不再接收").doesNotContain("防水层", "漏水");
            String callbackId = Callback.idFor(caseId, 3, 1);

            String replyId = UUID.randomUUID().toString();
            assertThat(reply(replyId, phone, " ２ ").status()).isEqualTo(202);

            ConsumerRecord<String, byte[]> feedback = followups.read(r -> caseId.equals(r.key())
                    && EventTypes.CUSTOMER_FEEDBACK_RECORDED.equals(TopicReader.header(r, "ce_type")), 1, WAIT).get(0);
            JsonNode recorded = JSON.readTree(feedback.value()).get("data");
            assertThat(recorded.get("channel").asString()).isEqualTo("SMS");
            assertThat(recorded.get("reached").asBoolean()).isTrue();
            assertThat(recorded.get("satisfaction").asInt()).isEqualTo(2);
            assertThat(recorded.get("attempt").asInt()).isEqualTo(1);
            assertThat(recorded.get("finalAttempt").asBoolean()).isTrue();
            assertThat(recorded.get("recordedBy").asString()).isEqualTo("SMS");
            assertThat(recorded.get("callbackId").asString()).isEqualTo(callbackId);
            assertThat(recorded.get("agentId").asString()).isEqualTo("A001");
            JsonNode reopen = JSON.readTree(followups.read(r -> caseId.equals(r.key())
                    && EventTypes.CASE_REOPEN_REQUESTED.equals(TopicReader.header(r, "ce_type")), 1, WAIT).get(0)
                    .value()).get("data");
            assertThat(reopen.get("satisfaction").asInt()).isEqualTo(2);
            assertThat(reopen.get("callbackId").asString()).isEqualTo(callbackId);
            assertThat(reopen.get("resolvedSequence").asLong()).isEqualTo(3);
            assertThat(reopen.get("requestedBy").asString()).isEqualTo("SMS");
            Callback callback = callbacks.ofCase(caseId).get(0);
            assertThat(callback.status()).isEqualTo(CallbackStatus.COMPLETED);
            assertThat(callback.attempts()).singleElement()
                    .satisfies(a -> assertThat(a.by()).isEqualTo(Callbacks.SMS));

            // the platform's retry of the same reply, freshly signed: recognised, nothing more
            Api.Response again = reply(replyId, phone, " ２ ");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("duplicate").asBoolean()).isTrue();
            // a second score after the callback was answered: kept, changes nothing
            assertThat(reply(UUID.randomUUID().toString(), phone, "5").status()).isEqualTo(202);
            Barriers.outboxEmpty(mongo, List.of("callbacks"));
            assertThat(followups.readToEnd()).filteredOn(r -> caseId.equals(r.key())
                    && EventTypes.CUSTOMER_FEEDBACK_RECORDED.equals(TopicReader.header(r, "ce_type"))).hasSize(1);
            assertThat(callbacks.ofCase(caseId).get(0).attempts()).hasSize(1);
            // any other text is kept and changes nothing either
            assertThat(reply(UUID.randomUUID().toString(), phone, "谢谢，已经修好了").status()).isEqualTo(202);
            assertThat(meters.get("caseflow.sms.replies").tags("kind", "SATISFACTION", "outcome", "FEEDBACK_RECORDED")
                    .counter().count()).isPositive();
            assertThat(meters.get("caseflow.sms.replies").tags("kind", "OTHER", "outcome", "IGNORED")
                    .counter().count()).isPositive();
        }
    }

    @Test
    void whenAReplyIsUnsignedForgedStaleOrReplayedThenItIsRefusedWith401() {
        Api gateway = new Api(port, null);
        String body = replyBody(UUID.randomUUID().toString(), newMobile(), "3");
        long now = TestClock.CLOCK.instant().getEpochSecond();

        refusedAs("unsigned", gateway.post(REPLIES, body));
        refusedAs("forged", gateway.post(REPLIES, body, WebhookSignature.TIMESTAMP_HEADER, Long.toString(now),
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign("not-the-secret", now, bytes(body))));
        long stale = now - Duration.ofMinutes(6).toSeconds();
        refusedAs("stale", gateway.post(REPLIES, body, WebhookSignature.TIMESTAMP_HEADER, Long.toString(stale),
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(TestSmsGateway.SECRET, stale, bytes(body))));
        String tampered = body.replace("\"3\"", "\"1\"");
        refusedAs("forged", gateway.post(REPLIES, tampered, WebhookSignature.TIMESTAMP_HEADER, Long.toString(now),
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(TestSmsGateway.SECRET, now, bytes(body))));
        refusedAs("malformed", gateway.post(REPLIES, body, WebhookSignature.TIMESTAMP_HEADER, "yesterday",
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(TestSmsGateway.SECRET, now, bytes(body))));

        String signature = WebhookSignature.sign(TestSmsGateway.SECRET, now, bytes(body));
        Api.Response taken = gateway.post(REPLIES, body, WebhookSignature.TIMESTAMP_HEADER, Long.toString(now),
                WebhookSignature.SIGNATURE_HEADER, signature);
        assertThat(taken.status()).isEqualTo(202);
        Api.Response replayed = gateway.post(REPLIES, body, WebhookSignature.TIMESTAMP_HEADER, Long.toString(now),
                WebhookSignature.SIGNATURE_HEADER, signature);
        refusedAs("replayed", replayed);
        assertThat(replayed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(replayed.raw().body()).doesNotContain(body);
    }

    /** The same 401 as intake's for the phone platform: a problem type per kind and the HMAC challenge. */
    private static void refusedAs(String kind, Api.Response refused) {
        assertThat(refused.status()).as(kind).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate"))
                .isEqualTo("HMAC-SHA256 headers=\"X-CaseFlow-Timestamp X-CaseFlow-Signature\"");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:caseflow:problem:signature-" + kind);
        assertThat(refused.json().get("title").asString()).isEqualTo("SMS reply not authenticated");
        assertThat(refused.json().get("instance").asString()).isEqualTo(REPLIES);
    }

    @Test
    void whenASignedReplyHasBadFieldsThenEachIsNamedIn400() {
        Api.Response bad = signed("{\"replyId\":\" \",\"from\":\"12345\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("replyId", "from", "text");
        assertThat(bad.raw().body()).doesNotContain("12345");
        Api.Response badTime = signed(replyBody(UUID.randomUUID().toString(), newMobile(), "2")
                .replaceFirst("\"receivedAt\":\"[^\"]*\"", "\"receivedAt\":\"yesterday\""));
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.json().get("errors").get(0).get("field").asString()).isEqualTo("receivedAt");
    }

    @Test
    void whenTheGatewayIsDownThenTheTextIsTriedAgainLaterAndSentOnce() {
        daytime();
        String caseId = Cases.newCaseId();
        GATEWAY.failWith(503);
        try (CaseLog cases = new CaseLog(broker.getBrokersAsString())) {
            cases.publish(caseId, routed(caseId, newMobile(), Priority.HIGH));
            await().atMost(WAIT).until(() -> {
                dispatcher.sendDue();
                return !messages.ofCase(caseId).isEmpty() && only(caseId).status() == SmsStatus.FAILED;
            });
            TextMessage failed = only(caseId);
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastError()).isEqualTo("HTTP 503");
            assertThat(failed.nextAttemptAt()).isAfter(TestClock.CLOCK.instant());
            assertThat(GATEWAY.refused()).isPositive();
            dispatcher.sendDue();
            assertThat(only(caseId).attempts()).as("not tried again before its time").isEqualTo(1);

            GATEWAY.failWith(0);
            breakers.circuitBreaker("sms").reset();
            TestClock.CLOCK.advanceTo(failed.nextAttemptAt());
            sentFor(caseId, 1);
            TextMessage sent = only(caseId);
            assertThat(sent.status()).isEqualTo(SmsStatus.SENT);
            assertThat(sent.attempts()).isEqualTo(2);
            dispatcher.sendDue();
            assertThat(GATEWAY.receivedFor(caseId)).hasSize(1)
                    .allSatisfy(r -> assertThat(r.idempotencyKey()).isEqualTo(sent.id()));
            assertThat(messages.versioned(sent.id()).orElseThrow().due()).isNull();
        }
    }

    private List<TestSmsGateway.Received> sentFor(String caseId, int count) {
        await().atMost(WAIT).until(() -> {
            dispatcher.sendDue();
            return GATEWAY.receivedFor(caseId).size() >= count;
        });
        return GATEWAY.receivedFor(caseId);
    }

    private TextMessage only(String caseId) {
        List<TextMessage> ofCase = messages.ofCase(caseId).stream()
                .filter(m -> m.template() == SmsTemplate.CASE_OPENED).toList();
        assertThat(ofCase).hasSize(1);
        return ofCase.get(0);
    }

    private Api.Response reply(String replyId, String from, String text) {
        return signed(replyBody(replyId, from, text));
    }

    private Api.Response signed(String body) {
        // a fresh signature each time, as the platform's retry brings (a different second within the window)
        long signedAt = TestClock.CLOCK.instant().getEpochSecond() - SIGNED_BEFORE.getAndIncrement() % 240;
        return new Api(port, null).post(REPLIES, body, WebhookSignature.TIMESTAMP_HEADER, Long.toString(signedAt),
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(TestSmsGateway.SECRET, signedAt, bytes(body)));
    }

    private static String replyBody(String replyId, String from, String text) {
        return JSON.writeValueAsString(java.util.Map.of("replyId", replyId, "from", from, "text", text,
                "receivedAt", TestClock.CLOCK.instant().toString()));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** Moves the shared clock out of the quiet hours when an earlier test left it in them. */
    private static void daytime() {
        ZonedDateTime local = TestClock.CLOCK.instant().atZone(Cases.SHANGHAI);
        if (local.getHour() < 8 || local.getHour() >= 20) {
            TestClock.CLOCK.advanceTo(next(LocalTime.of(9, 0)));
        }
    }

    private static Instant next(LocalTime time) {
        ZonedDateTime local = TestClock.CLOCK.instant().atZone(Cases.SHANGHAI);
        ZonedDateTime at = local.with(time);
        return (at.isAfter(local) ? at : at.plusDays(1)).toInstant();
    }

    private static String newMobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static CaseRouted routed(String caseId, String phone, Priority priority) {
        Instant at = TestClock.CLOCK.instant();
        CaseRouted urgent = Cases.urgent(caseId, "ENGINEERING", at, 15, 240, "D-ENG-02");
        CaseRouted ordinary = Cases.routed(caseId, "ENGINEERING", at, 2, 8, Cases.WORKING_TIME);
        CaseRouted base = priority == Priority.URGENT ? urgent : ordinary;
        return new CaseRouted(caseId, 1, base.contactId(), base.agentId(), Channel.PHONE, base.receivedAt(),
                base.projectCode(), base.unit(), ContactCategory.REPAIR, "卫生间天花板漏水",
                new CaseCustomer("王芳", phone), Complexity.COMPLEX, priority, base.matchedKeywords(),
                base.departmentCode(), base.ruleId(), base.ruleVersion(), base.deadlines(), null, at,
                base.departmentHead(), null, base.onDutyStaffId());
    }
}
