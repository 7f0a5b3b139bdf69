package com.caseflow.followup.notifications.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code caseflow.followup.notifications}: where reminders and escalations are sent and who reads them.
 *
 * @param webhook      the company's gateway (WeCom, DingTalk, SMS) that takes a JSON notification by POST
 * @param secret       signs each body (HMAC-SHA256 in {@code X-CaseFlow-Signature}) when set; from the environment
 * @param timeout      per request
 * @param pollInterval how often notifications due for another try are looked for (a new one is sent at once)
 * @param firstPause   wait after a first failed delivery; doubled per failure up to {@code maxPause}
 * @param lease        how long an instance holds a notification it is delivering before another may take it
 * @param directory    who a ladder role reaches: role → (department or project code, or {@code *}) → staff ids
 * @param dispatch     false stops the scheduled delivery (tests drive it themselves)
 * @param robots       WeCom and DingTalk group robots by department code: the first start's seed of the stored
 *                     notification channels (administrators change them from then on), one of each kind per department
 */
@ConfigurationProperties("caseflow.followup.notifications")
public record NotificationProperties(URI webhook, String secret, @DefaultValue("5s") Duration timeout,
                                     @DefaultValue("10s") Duration pollInterval,
                                     @DefaultValue("30s") Duration firstPause, @DefaultValue("30m") Duration maxPause,
                                     @DefaultValue("30s") Duration lease, @DefaultValue("50") int batchSize,
                                     Map<String, Map<String, List<String>>> directory,
                                     @DefaultValue("true") boolean dispatch,
                                     Map<String, List<Robot>> robots) {

    public enum RobotType {
        /** 企业微信群机器人: the webhook URL carries the robot's key. */
        WECOM,
        /** 钉钉自定义机器人: the webhook URL carries the access token; a secret enables signed requests (加签). */
        DINGTALK
    }

    /**
     * One group robot.
     *
     * @param url    its webhook URL, from the environment (it is the robot's credential); a robot whose url is blank
     *               (an environment variable left unset) is not used
     * @param secret DingTalk's signing secret ({@code SEC…}), from the environment; not used by WeCom
     * @param name   names the robot in the delivery status and metrics; by default its type and a hash of its URL
     */
    public record Robot(RobotType type, String url, String secret, String name) {

        public Robot {
            if (type == null) {
                throw new IllegalArgumentException("a robot of caseflow.followup.notifications.robots needs a type: "
                        + "WECOM or DINGTALK");
            }
            url = url == null || url.isBlank() ? null : url.strip();
            if (url != null && !URI.create(url).isAbsolute()) {
                throw new IllegalArgumentException("a robot's url must be absolute: https://…");
            }
            if (name == null || name.isBlank()) {
                name = type + "-" + (url == null ? "unset"
                        : java.util.HexFormat.of().formatHex(sha256(url), 0, 4));
            }
        }

        public boolean configured() {
            return url != null;
        }

        /** The channel a notification's delivery is tracked under. */
        public String channel() {
            return type + ":" + name;
        }

        private static byte[] sha256(String text) {
            try {
                return java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }

    public NotificationProperties {
        if (webhook == null) {
            throw new IllegalArgumentException("caseflow.followup.notifications.webhook is required: the gateway "
                    + "that delivers reminders and escalations");
        }
        directory = directory == null ? Map.of() : Map.copyOf(directory);
        robots = robots == null ? Map.of() : Map.copyOf(robots);
    }

    /** The configured robots of a department (the seed of the stored channels); none when it has none. */
    public List<Robot> robotsOf(String departmentCode) {
        return departmentCode == null ? List.of() : robots.getOrDefault(departmentCode, List.of()).stream()
                .filter(Robot::configured).toList();
    }
}
