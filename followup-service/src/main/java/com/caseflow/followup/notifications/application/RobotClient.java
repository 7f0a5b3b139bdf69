package com.caseflow.followup.notifications.application;

import com.caseflow.followup.notifications.application.NotificationProperties.Robot;
import com.caseflow.followup.notifications.application.NotificationProperties.RobotType;
import com.caseflow.support.webhook.WebhookPolicy;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Posts a notification's text to a WeCom or DingTalk group robot in the robot's own message format. Each robot takes
 * at most 20 messages a minute: a Resilience4j rate limiter per robot (configuration {@code robot}) keeps within that
 * without waiting — a message over the limit is deferred, never dropped — and a robot's own "too many" answer
 * (WeCom 45009, DingTalk 130101) is deferred the same way.
 */
@Component
public class RobotClient {

    /** What both platforms document for one robot; used when {@code resilience4j.ratelimiter.configs.robot} is absent. */
    static final RateLimiterConfig DOCUMENTED_LIMIT = RateLimiterConfig.custom().limitForPeriod(20)
            .limitRefreshPeriod(Duration.ofMinutes(1)).timeoutDuration(Duration.ZERO).build();
    private static final int WECOM_RATE_LIMITED = 45009;
    private static final int DINGTALK_RATE_LIMITED = 130101;

    private final NotificationProperties properties;
    private final WebhookPolicy policy;
    private final RateLimiterRegistry limiters;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;

    public RobotClient(NotificationProperties properties, WebhookPolicy policy, RateLimiterRegistry limiters,
                       JsonMapper json, Clock clock) {
        this.properties = properties;
        this.policy = policy;
        this.limiters = limiters;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    /**
     * @throws RobotBusyException          over the robot's messages per minute: try again later
     * @throws WebhookClient.WebhookException the robot did not accept it (the message names the kind of failure)
     */
    public void send(Robot robot, String text) {
        // a URL stored while the policy was off (a copied database) is never sent a notification in clear
        if (!policy.allows(robot.url())) {
            throw new WebhookClient.WebhookException(robot.channel() + " not https");
        }
        if (!limiter(robot).acquirePermission()) {
            throw new RobotBusyException(robot.channel() + " rate limited");
        }
        byte[] body = json.writeValueAsBytes(Map.of("msgtype", "text", "text", Map.of("content", text)));
        HttpRequest request = HttpRequest.newBuilder(target(robot))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new WebhookClient.WebhookException(robot.channel() + " " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookClient.WebhookException(robot.channel() + " interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new WebhookClient.WebhookException(robot.channel() + " HTTP " + response.statusCode());
        }
        // both answer HTTP 200 and say in the body whether they took the message
        int errcode = errcode(response.body());
        if (errcode == 0) {
            return;
        }
        int busy = robot.type() == RobotType.WECOM ? WECOM_RATE_LIMITED : DINGTALK_RATE_LIMITED;
        if (errcode == busy) {
            throw new RobotBusyException(robot.channel() + " errcode " + errcode);
        }
        throw new WebhookClient.WebhookException(robot.channel() + " errcode " + errcode);
    }

    RateLimiter limiter(Robot robot) {
        return limiters.rateLimiter("robot-" + robot.channel(),
                limiters.getConfiguration("robot").orElse(DOCUMENTED_LIMIT));
    }

    private int errcode(byte[] body) {
        try {
            JsonNode answer = json.readTree(body);
            JsonNode code = answer == null ? null : answer.get("errcode");
            return code == null || !code.isNumber() ? -1 : code.asInt();
        } catch (JacksonException e) {
            return -1;
        }
    }

    /** DingTalk's signed requests (加签): the URL gains {@code timestamp} (ms) and {@code sign}. */
    private URI target(Robot robot) {
        String url = robot.url();
        if (robot.type() != RobotType.DINGTALK || robot.secret() == null || robot.secret().isBlank()) {
            return URI.create(url);
        }
        long timestamp = clock.millis();
        return URI.create(url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                + dingTalkSign(timestamp, robot.secret()));
    }

    /** URL-encoded Base64 of HmacSHA256 keyed by the secret over {@code timestamp + "\n" + secret}. */
    static String dingTalkSign(long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(signature), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The robot asked us (or our own limiter told us) to wait: not a failure, the message goes later. */
    public static class RobotBusyException extends RuntimeException {
        public RobotBusyException(String message) {
            super(message);
        }
    }
}
