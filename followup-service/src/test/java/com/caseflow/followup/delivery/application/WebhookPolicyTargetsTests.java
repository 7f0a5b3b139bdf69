package com.caseflow.followup.delivery.application;

import com.caseflow.followup.channels.application.ChannelProperties;
import com.caseflow.followup.channels.application.NotificationChannels;
import com.caseflow.followup.channels.application.WebhookUrls;
import com.caseflow.followup.notifications.application.NotificationProperties;
import com.caseflow.followup.notifications.application.NotificationProperties.Robot;
import com.caseflow.followup.notifications.application.NotificationProperties.RobotType;
import com.caseflow.followup.notifications.application.RobotClient;
import com.caseflow.followup.notifications.application.WebhookClient;
import com.caseflow.followup.sms.application.SmsGatewayClient;
import com.caseflow.followup.sms.application.SmsProperties;
import com.caseflow.support.webhook.WebhookPolicy;
import com.caseflow.support.webhook.WebhookPolicyViolation;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the local stack ({@link WebhookPolicy#strict()}) every push of follow-up goes over https and is signed: a
 * configuration that says otherwise stops the start naming the property, a stored robot URL that is not https is not
 * sent to, and an administrator cannot store one. The local policy keeps the stand-ins on http://127.0.0.1 working.
 */
class WebhookPolicyTargetsTests {

    private static final WebhookPolicy STRICT = WebhookPolicy.strict();
    private static final WebhookPolicy LOCAL = new WebhookPolicy(false, false);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Clock CLOCK = Clock.systemUTC();

    @Test
    void whenTheGatewayIsPlainHttpThenFollowUpDoesNotStart() {
        assertThatThrownBy(() -> new WebhookClient(notifications("http://gateway.example.internal/caseflow", "s3cret",
                Map.of()), STRICT, JSON, CLOCK))
                .isInstanceOf(WebhookPolicyViolation.class)
                .hasMessageContaining("CASEFLOW_WEBHOOK_URL").hasMessageContaining("must be https");
        assertThatCode(() -> new WebhookClient(notifications("http://127.0.0.1:9010/notifications", null, Map.of()),
                LOCAL, JSON, CLOCK)).doesNotThrowAnyException();
    }

    @Test
    void whenTheGatewayHasNoSigningSecretThenFollowUpDoesNotStart() {
        assertThatThrownBy(() -> new WebhookClient(notifications("https://gateway.example.internal/caseflow", "",
                Map.of()), STRICT, JSON, CLOCK))
                .isInstanceOf(WebhookPolicyViolation.class)
                .hasMessageContaining("caseflow.followup.notifications.secret (CASEFLOW_WEBHOOK_SECRET) is blank");
        assertThatCode(() -> new WebhookClient(notifications("https://gateway.example.internal/caseflow", "s3cret",
                Map.of()), STRICT, JSON, CLOCK)).doesNotThrowAnyException();
    }

    @Test
    void whenTheSmsGatewayIsPlainHttpThenFollowUpDoesNotStart() {
        assertThatThrownBy(() -> new SmsGatewayClient(sms("http://sms.example.internal/messages"), STRICT, JSON, CLOCK))
                .isInstanceOf(WebhookPolicyViolation.class)
                .hasMessageContaining("CASEFLOW_SMS_GATEWAY_URL").hasMessageContaining("must be https");
        // no gateway at all: texts wait as PENDING, as before
        assertThatCode(() -> new SmsGatewayClient(sms(""), STRICT, JSON, CLOCK)).doesNotThrowAnyException();
        assertThatCode(() -> new SmsGatewayClient(sms("https://sms.example.internal/messages"), STRICT, JSON, CLOCK))
                .doesNotThrowAnyException();
    }

    @Test
    void whenAConfiguredRobotIsPlainHttpThenFollowUpDoesNotStart() {
        NotificationProperties seeded = notifications("https://gateway.example.internal/caseflow", "s3cret",
                Map.of("CUSTOMER_SERVICE", List.of(new Robot(RobotType.WECOM,
                        "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", null, null))));
        assertThatThrownBy(() -> new NotificationChannels(null, seeded, STRICT, CLOCK))
                .isInstanceOf(WebhookPolicyViolation.class)
                .hasMessageContaining("caseflow.followup.notifications.robots.CUSTOMER_SERVICE[0].url must be https");
    }

    @Test
    void whenAStandInIsPlainHttpThenFollowUpDoesNotStart() {
        ChannelProperties standIns = new ChannelProperties(List.of(URI.create("http://127.0.0.1:9012")));
        assertThatThrownBy(() -> new WebhookUrls(standIns, STRICT))
                .isInstanceOf(WebhookPolicyViolation.class)
                .hasMessageContaining("caseflow.followup.channels.stand-ins[0] must be https");
        assertThatCode(() -> new WebhookUrls(standIns, LOCAL)).doesNotThrowAnyException();
    }

    @Test
    void whenAnAdministratorGivesAPlainHttpUrlThenTheProblemSaysHttpsIsRequired() {
        WebhookUrls urls = new WebhookUrls(new ChannelProperties(List.of(URI.create("https://127.0.0.1:9012"))),
                STRICT);

        assertThat(urls.problem(RobotType.WECOM, "http://127.0.0.1:9012/cgi-bin/webhook/send?key=k"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("must be https")
                        .contains("caseflow.webhooks.require-https"));
        assertThat(urls.problem(RobotType.DINGTALK, "http://oapi.dingtalk.com/robot/send?access_token=t"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("caseflow.webhooks.require-https"));
        assertThat(urls.problem(RobotType.WECOM, "https://127.0.0.1:9012/cgi-bin/webhook/send?key=k")).isEmpty();
        assertThat(urls.problem(RobotType.WECOM, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k")).isEmpty();
    }

    @Test
    void whenAStoredRobotUrlIsPlainHttpThenNothingIsSentToIt() {
        NotificationProperties properties = notifications("https://gateway.example.internal/caseflow", "s3cret",
                Map.of());
        RobotClient robots = new RobotClient(properties, STRICT, RateLimiterRegistry.ofDefaults(), JSON, CLOCK);
        // port 9 (discard) on the loopback: were it tried, the failure would be a connection's, not the policy's
        Robot stored = new Robot(RobotType.WECOM, "http://127.0.0.1:9/cgi-bin/webhook/send?key=k", null, "copied");

        assertThatThrownBy(() -> robots.send(stored, "提醒"))
                .isInstanceOf(WebhookClient.WebhookException.class)
                .hasMessage("WECOM:copied not https");
    }

    private static NotificationProperties notifications(String webhook, String secret,
                                                        Map<String, List<Robot>> robots) {
        return new NotificationProperties(URI.create(webhook), secret, Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofSeconds(30), 50, Map.of(), false, robots);
    }

    private static SmsProperties sms(String url) {
        return new SmsProperties(url, "secret", "CaseFlow置业客服", Map.of(), Map.of(), "相关部门", LocalTime.of(21, 0),
                LocalTime.of(8, 0), Set.of(), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofMinutes(30), Duration.ofSeconds(30), 50, Duration.ofMinutes(5), false);
    }
}
