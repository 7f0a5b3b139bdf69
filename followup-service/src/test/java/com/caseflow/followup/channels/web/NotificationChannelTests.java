package com.caseflow.followup.channels.web;

import com.caseflow.followup.notifications.application.NotificationDispatcher;
import com.caseflow.followup.notifications.application.Notifications;
import com.caseflow.followup.notifications.domain.Notification;
import com.caseflow.followup.notifications.domain.NotificationStatus;
import com.caseflow.followup.notifications.persistence.NotificationStore;
import com.caseflow.followup.support.FollowUpServiceTest;
import com.caseflow.followup.support.TestClock;
import com.caseflow.followup.support.TestGateway;
import com.caseflow.followup.support.TestRobots;
import com.caseflow.support.testing.Api;
import com.caseflow.support.testing.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Departments' notification channels as data: administrators point a department's WeCom and DingTalk robots
 * somewhere else and the next notification goes there (checked by the robot stand-ins, as in RobotDeliveryTests);
 * credentials are never shown; configuration is only the seed. Each test uses departments and robot keys of its own.
 */
@FollowUpServiceTest
class NotificationChannelTests {

    private static final TestIdentityProvider IDP = TestIdentityProvider.get();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CHANNELS = "/api/v1/notification-channels/";
    private static final String SECRET = "SEC9a8b7c6d5e4f30112233445566778899aabbccddeeff00112233445566778899";

    @Autowired
    Notifications notifications;
    @Autowired
    NotificationDispatcher dispatcher;
    @Autowired
    NotificationStore store;
    @LocalServerPort
    int port;

    private Api admin() {
        return new Api(port, IDP.token("ADM1", "ADMIN"));
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    private static String wecomUrl(String key) {
        return TestRobots.get().base() + "/cgi-bin/webhook/send?key=" + key;
    }

    private static String dingtalkUrl(String token) {
        return TestRobots.get().base() + "/robot/send?access_token=" + token;
    }

    /** An overdue call-back task's notification for the department, delivered; returns the task id its text names. */
    private String notifyAndDeliver(String department) {
        String taskId = "mc-channel-" + UUID.randomUUID();
        Instant now = TestClock.CLOCK.instant();
        notifications.missedCallOverdue(taskId, "400-820-8820", 2, now.minus(Duration.ofHours(1)),
                now.minus(Duration.ofMinutes(10)), department, now);
        await().atMost(WAIT).until(() -> {
            dispatcher.deliverDue();
            Notification n = store.find("missed-call-overdue:" + taskId).orElseThrow().state();
            return n.status() == NotificationStatus.DELIVERED;
        });
        return taskId;
    }

    private static List<TestRobots.Received> receivedBy(String robot, String taskId) {
        return TestRobots.get().received(robot).stream().filter(r -> r.body().contains(taskId)).toList();
    }

    private static List<String> fields(Api.Response response) {
        return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
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
    void whenAnAdministratorPointsADepartmentsRobotElsewhereThenTheNextNotificationGoesThereAndWhoAndWhenAreShown() {
        String department = unique("CH_");
        String first = unique("k1-").toLowerCase(Locale.ROOT);
        String second = unique("k2-").toLowerCase(Locale.ROOT);
        String before = notifyAndDeliver(department);

        Api.Response set = admin().put(CHANNELS + department, """
                {"wecom": {"webhookUrl": "%s"}, "expectedVersion": 0}""".formatted(wecomUrl(first)));

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("version").asLong()).isEqualTo(1);
        assertThat(set.json().get("changedBy").asString()).isEqualTo("ADM1");
        assertThat(set.json().get("changedAt").isNull()).isFalse();
        assertThat(set.json().get("wecom").get("webhookUrl").asString()).endsWith("key=****" + first.substring(
                first.length() - 4)).doesNotContain(first);
        assertThat(set.json().get("dingtalk").isNull()).isTrue();
        String toFirst = notifyAndDeliver(department);
        assertThat(receivedBy("wecom:" + first, toFirst)).hasSize(1);
        assertThat(receivedBy("wecom:" + first, before)).isEmpty();

        assertThat(admin().put(CHANNELS + department, """
                {"wecom": {"webhookUrl": "%s"}, "expectedVersion": 1}""".formatted(wecomUrl(second))).status())
                .isEqualTo(200);
        String toSecond = notifyAndDeliver(department);
        assertThat(receivedBy("wecom:" + second, toSecond)).hasSize(1);
        assertThat(receivedBy("wecom:" + first, toSecond)).isEmpty();

        Api.Response none = admin().put(CHANNELS + department, "{\"expectedVersion\": 2}");
        assertThat(none.json().get("wecom").isNull()).isTrue();
        String toNone = notifyAndDeliver(department);
        assertThat(receivedBy("wecom:" + second, toNone)).isEmpty();
        assertThat(TestGateway.get().receivedFor(toNone)).hasSize(1);
        assertThat(store.find("missed-call-overdue:" + toNone).orElseThrow().state().deliveredTo())
                .containsExactly(NotificationDispatcher.WEBHOOK);
    }

    @Test
    void whenADingTalkSecretIsSetThenItIsNeverShownIsKeptWhenLeftOutAndSignsTheNextNotification() throws Exception {
        String department = unique("CH_");
        String token = unique("dt-").toLowerCase(Locale.ROOT);
        Api.Response set = admin().put(CHANNELS + department, """
                {"dingtalk": {"webhookUrl": "%s", "secret": "%s"}}""".formatted(dingtalkUrl(token), SECRET));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.raw().body()).doesNotContain(SECRET).doesNotContain(token);
        assertThat(set.json().get("dingtalk").get("secretSet").asBoolean()).isTrue();

        // kept: the form sends neither the URL nor the secret it never saw
        Api.Response kept = admin().put(CHANNELS + department, "{\"dingtalk\": {}, \"expectedVersion\": 1}");
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.json().get("dingtalk").get("secretSet").asBoolean()).isTrue();
        Api.Response read = new Api(port, IDP.token("M001", "MANAGER")).get(CHANNELS + department);
        assertThat(read.raw().body()).doesNotContain(SECRET).doesNotContain(token);
        assertThat(admin().get("/api/v1/notification-channels").raw().body()).doesNotContain(SECRET)
                .doesNotContain(token).contains(department);

        String signed = notifyAndDeliver(department);
        List<TestRobots.Received> sent = receivedBy("dingtalk:" + token, signed);
        assertThat(sent).hasSize(1);
        Map<String, String> params = query(sent.get(0).query());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(Base64.getDecoder().decode(URLDecoder.decode(params.get("sign"), StandardCharsets.UTF_8)))
                .isEqualTo(mac.doFinal((params.get("timestamp") + "\n" + SECRET).getBytes(StandardCharsets.UTF_8)));

        Api.Response removed = admin().put(CHANNELS + department, "{\"dingtalk\": {\"secret\": \"\"}}");
        assertThat(removed.json().get("dingtalk").get("secretSet").asBoolean()).isFalse();
        String unsigned = notifyAndDeliver(department);
        assertThat(query(receivedBy("dingtalk:" + token, unsigned).get(0).query())).containsOnlyKeys("access_token");
    }

    @Test
    void whenTheServiceStartsThenTheConfiguredRobotsAreTheSeedShownMaskedAndFromConfiguration() {
        JsonNode seeded = admin().get(CHANNELS + TestRobots.DINGTALK_DEPARTMENT).json();

        assertThat(seeded.get("changedBy").asString()).isEqualTo("configuration");
        assertThat(seeded.get("version").asLong()).isEqualTo(1);
        assertThat(seeded.get("dingtalk").get("secretSet").asBoolean()).isTrue();
        assertThat(seeded.toString()).doesNotContain(TestRobots.DINGTALK_SECRET).doesNotContain("dt-token-1");
        assertThat(seeded.get("wecom").isNull()).isTrue();
    }

    @Test
    void whenAUrlOrSecretIsWrongThenEachFieldIsNamedAndNothingChanges() {
        String department = unique("CH_");
        Api.Response wrong = admin().put(CHANNELS + department, """
                {"wecom": {"webhookUrl": "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"},
                 "dingtalk": {"webhookUrl": "https://oapi.dingtalk.com/robot/other?access_token=abc",
                              "secret": "not a secret"}, "expectedVersion": -1}""");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(fields(wrong)).containsExactlyInAnyOrder("wecom.webhookUrl", "dingtalk.webhookUrl",
                "dingtalk.secret", "expectedVersion");

        assertThat(fields(admin().put(CHANNELS + department, """
                {"wecom": {"webhookUrl": "https://evil.example.com/cgi-bin/webhook/send?key=abc"}}""")))
                .containsExactly("wecom.webhookUrl");
        assertThat(fields(admin().put(CHANNELS + department, """
                {"wecom": {"webhookUrl": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send"}}""")))
                .containsExactly("wecom.webhookUrl");
        assertThat(fields(admin().put(CHANNELS + department, "{\"wecom\": {}}"))).containsExactly("wecom.webhookUrl");
        assertThat(admin().get(CHANNELS + department).json().get("version").asLong()).isZero();

        // the vendors' own hosts are taken as they are
        assertThat(admin().put(CHANNELS + department, """
                {"wecom": {"webhookUrl": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx"},
                 "expectedVersion": 0}""").status()).isEqualTo(200);
        assertThat(admin().put(CHANNELS + department, "{\"expectedVersion\": 0}").status()).isEqualTo(409);
        assertThat(admin().put(CHANNELS + "lower", "{}").status()).isEqualTo(400);
    }

    @Test
    void whenSomeoneOtherThanAnAdministratorChangesChannelsThenTheyAreRefused() {
        String department = unique("CH_");
        String body = "{\"wecom\": {\"webhookUrl\": \"" + wecomUrl("x-" + department) + "\"}}";
        assertThat(new Api(port, IDP.token("M001", "MANAGER")).put(CHANNELS + department, body).status())
                .isEqualTo(403);
        assertThat(new Api(port, IDP.token("S001", "SUPERVISOR")).get(CHANNELS + department).status())
                .isEqualTo(403);
        assertThat(new Api(port, IDP.token("M001", "MANAGER")).get(CHANNELS + department).json().get("version")
                .asLong()).isZero();
    }
}
