package com.caseflow.followup.notifications.application;

import com.caseflow.followup.notifications.domain.Notification;
import com.caseflow.followup.notifications.domain.NotificationStatus;
import com.caseflow.followup.notifications.persistence.NotificationStore;
import com.caseflow.followup.support.FollowUpServiceTest;
import com.caseflow.followup.support.TestClock;
import com.caseflow.followup.support.TestGateway;
import com.caseflow.followup.support.TestRobots;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications to a department's WeCom and DingTalk group robots, checked by stand-ins that read what the platforms
 * read: the message JSON, DingTalk's signature recomputed here, 20 messages a minute per robot.
 */
@FollowUpServiceTest
class RobotDeliveryTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String WECOM = "wecom:wecom-1";
    private static final String WECOM_LIMIT = "wecom:wecom-limit";
    private static final String DINGTALK = "dingtalk:" + TestRobots.DINGTALK_TOKEN;

    @Autowired
    Notifications notifications;
    @Autowired
    NotificationDispatcher dispatcher;
    @Autowired
    NotificationStore store;
    @Autowired
    NotificationProperties properties;
    @Autowired
    RateLimiterRegistry limiters;

    @AfterEach
    void robotsBack() {
        TestRobots.get().answer(WECOM, 0);
    }

    /** An overdue call-back task's notification for a department; returns the task id, which its text names. */
    private String notifyDepartment(String department) {
        String taskId = "mc-robot-" + UUID.randomUUID();
        Instant now = TestClock.CLOCK.instant();
        notifications.missedCallOverdue(taskId, "400-820-8820", 2, now.minus(Duration.ofHours(1)),
                now.minus(Duration.ofMinutes(10)), department, now);
        return taskId;
    }

    private Notification notification(String taskId) {
        return store.find("missed-call-overdue:" + taskId).orElseThrow().state();
    }

    private List<TestRobots.Received> receivedBy(String robot, String taskId) {
        return TestRobots.get().received(robot).stream().filter(r -> r.body().contains(taskId)).toList();
    }

    /** Delivers until each of these notifications is delivered or waits for a later try. */
    private void deliverAll(List<String> taskIds) {
        await().atMost(WAIT).until(() -> {
            dispatcher.deliverDue();
            Instant now = TestClock.CLOCK.instant();
            return taskIds.stream().map(this::notification).allMatch(n -> n.status() == NotificationStatus.DELIVERED
                    || n.nextAttemptAt().isAfter(now));
        });
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return params;
    }

    @Test
    void whenADepartmentHasAWeComRobotThenEachNotificationReachesItOnceInWeComsTextFormatBesidesTheGateway() {
        String taskId = notifyDepartment(TestRobots.WECOM_DEPARTMENT);

        deliverAll(List.of(taskId));
        dispatcher.deliverDue();

        Notification delivered = notification(taskId);
        assertThat(delivered.status()).isEqualTo(NotificationStatus.DELIVERED);
        String robot = properties.robotsOf(TestRobots.WECOM_DEPARTMENT).get(0).channel();
        assertThat(delivered.deliveredTo()).containsExactly(NotificationDispatcher.WEBHOOK, robot);
        List<TestRobots.Received> sent = receivedBy(WECOM, taskId);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path()).isEqualTo("/cgi-bin/webhook/send");
        assertThat(sent.get(0).query()).isEqualTo("key=wecom-1");
        JsonNode message = JSON.readTree(sent.get(0).body());
        assertThat(message.propertyNames()).containsExactlyInAnyOrder("msgtype", "text");
        assertThat(message.get("msgtype").asString()).isEqualTo("text");
        assertThat(message.get("text").propertyNames()).containsExactly("content");
        assertThat(message.get("text").get("content").asString()).isEqualTo(delivered.text())
                .startsWith("【未接来电超时】").contains(taskId);
        assertThat(sent.get(0).body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
        assertThat(TestGateway.get().receivedFor(taskId)).hasSize(1);
    }

    @Test
    void whenTheRobotRefusesOrIsBusyThenOnlyTheRobotIsTriedAgainAndTheGatewayIsNotSentItTwice() {
        TestRobots.get().answer(WECOM, 93000);
        String taskId = notifyDepartment(TestRobots.WECOM_DEPARTMENT);

        deliverAll(List.of(taskId));
        Notification refused = notification(taskId);
        assertThat(refused.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(refused.deliveredTo()).containsExactly(NotificationDispatcher.WEBHOOK);
        assertThat(refused.attempts()).isEqualTo(1);
        assertThat(refused.lastError()).endsWith("errcode 93000");

        // 45009: the robot's own "more than 20 a minute" — a wait, not a failure
        TestRobots.get().answer(WECOM, 45009);
        TestClock.CLOCK.advanceTo(refused.nextAttemptAt());
        deliverAll(List.of(taskId));
        Notification busy = notification(taskId);
        assertThat(busy.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(busy.attempts()).isEqualTo(1);
        assertThat(busy.lastError()).endsWith("errcode 45009");
        assertThat(busy.nextAttemptAt()).isAfter(TestClock.CLOCK.instant());

        TestRobots.get().answer(WECOM, 0);
        TestClock.CLOCK.advanceTo(busy.nextAttemptAt());
        deliverAll(List.of(taskId));
        assertThat(notification(taskId).status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(receivedBy(WECOM, taskId)).hasSize(1);
        assertThat(TestGateway.get().receivedFor(taskId)).hasSize(1);
    }

    @Test
    void whenTwentyOneMessagesAreDueForOneRobotWithinItsMinuteThenTwentyGoAndTheTwentyFirstWaitsForTheNext() {
        List<String> taskIds = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            taskIds.add(notifyDepartment(TestRobots.LIMIT_DEPARTMENT));
        }

        // every delivery below ran to its end on this thread: what the robot has not received was not sent
        deliverAll(taskIds);

        assertThat(TestRobots.get().received(WECOM_LIMIT)).hasSize(20);
        assertThat(limiters.find("robot-" + properties.robotsOf(TestRobots.LIMIT_DEPARTMENT).get(0).channel())
                .orElseThrow().getRateLimiterConfig().getLimitForPeriod()).isEqualTo(20);
        List<Notification> waiting = taskIds.stream().map(this::notification)
                .filter(n -> n.status() == NotificationStatus.PENDING).toList();
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).deliveredTo()).containsExactly(NotificationDispatcher.WEBHOOK);
        assertThat(waiting.get(0).lastError()).endsWith("rate limited");
        assertThat(waiting.get(0).attempts()).isZero();
        assertThat(waiting.get(0).nextAttemptAt()).isAfter(TestClock.CLOCK.instant());
        assertThat(taskIds).allSatisfy(id -> assertThat(TestGateway.get().receivedFor(id)).hasSize(1));

        // tried again, it still waits while the robot's period lasts: neither sent nor dropped
        TestClock.CLOCK.advanceTo(waiting.get(0).nextAttemptAt());
        deliverAll(taskIds);
        assertThat(TestRobots.get().received(WECOM_LIMIT)).hasSize(20);
        Notification stillWaiting = store.find(waiting.get(0).id()).orElseThrow().state();
        assertThat(stillWaiting.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(stillWaiting.deliveredTo()).containsExactly(NotificationDispatcher.WEBHOOK);
    }

    @Test
    void whenTheServiceRunsThenEachRobotTakesTwentyMessagesAMinuteAsWeComAndDingTalkDocument() throws Exception {
        var loaded = new org.springframework.boot.env.YamlPropertySourceLoader().load("application",
                new org.springframework.core.io.ClassPathResource("application.yml")).get(0);
        assertThat(loaded.getProperty("resilience4j.ratelimiter.configs.robot.limit-for-period")).hasToString("20");
        assertThat(loaded.getProperty("resilience4j.ratelimiter.configs.robot.limit-refresh-period"))
                .hasToString("1m");
        assertThat(RobotClient.DOCUMENTED_LIMIT.getLimitForPeriod()).isEqualTo(20);
        assertThat(RobotClient.DOCUMENTED_LIMIT.getLimitRefreshPeriod()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void whenADepartmentHasASignedDingTalkRobotThenTheRequestCarriesTheTimestampAndTheSignatureDingTalkChecks()
            throws Exception {
        String taskId = notifyDepartment(TestRobots.DINGTALK_DEPARTMENT);
        long sentAt = TestClock.CLOCK.millis();

        deliverAll(List.of(taskId));

        assertThat(notification(taskId).status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(notification(taskId).deliveredTo()).containsExactly(NotificationDispatcher.WEBHOOK,
                "DINGTALK:cs-ding");
        List<TestRobots.Received> sent = receivedBy(DINGTALK, taskId);
        assertThat(sent).hasSize(1);
        Map<String, String> params = query(sent.get(0).query());
        assertThat(params.get("access_token")).isEqualTo(TestRobots.DINGTALK_TOKEN);
        assertThat(Long.parseLong(params.get("timestamp"))).isEqualTo(sentAt);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestRobots.DINGTALK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((params.get("timestamp") + "\n" + TestRobots.DINGTALK_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(Base64.getDecoder().decode(URLDecoder.decode(params.get("sign"), StandardCharsets.UTF_8)))
                .isEqualTo(expected);
        JsonNode message = JSON.readTree(sent.get(0).body());
        assertThat(message.get("msgtype").asString()).isEqualTo("text");
        assertThat(message.get("text").get("content").asString()).isEqualTo(notification(taskId).text());
    }

    @Test
    void whenDingTalksSignatureIsComputedThenItMatchesAValueComputedElsewhere() {
        // computed with Python's hmac, hashlib, base64 and urllib.parse.quote_plus
        assertThat(RobotClient.dingTalkSign(1764550800000L, TestRobots.DINGTALK_SECRET))
                .isEqualTo("eksKh3kpRGDiAQRBQpHTZAgVThN5iw3pJWScFuHWRcE%3D");
    }
}
