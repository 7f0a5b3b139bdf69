package com.caseflow.followup.channels.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a department's notifications go besides the company's gateway: at most one WeCom (企业微信) and one DingTalk
 * (钉钉) group robot.
 *
 * @param changedBy the administrator's staff id, or {@link #CONFIGURATION} for channels seeded at the first start
 */
public record DepartmentChannels(String departmentCode, WeCom wecom, DingTalk dingtalk, String changedBy,
                                 Instant changedAt) {

    /** Who "changed" channels that came from the service's configuration at its first start. */
    public static final String CONFIGURATION = "configuration";

    public DepartmentChannels {
        Objects.requireNonNull(departmentCode, "departmentCode");
    }

    /**
     * A WeCom group robot.
     *
     * @param webhookUrl its webhook URL; its {@code key} is the robot's credential
     * @param name       names the robot in a notification's delivery status and the rate limiter
     */
    public record WeCom(String webhookUrl, String name) {

        public WeCom {
            Objects.requireNonNull(webhookUrl, "webhookUrl");
        }
    }

    /**
     * A DingTalk custom robot.
     *
     * @param webhookUrl its webhook URL; its {@code access_token} is the robot's credential
     * @param secret     the signing secret (加签, {@code SEC…}); null for a robot without signed requests
     * @param name       names the robot in a notification's delivery status and the rate limiter
     */
    public record DingTalk(String webhookUrl, String secret, String name) {

        public DingTalk {
            Objects.requireNonNull(webhookUrl, "webhookUrl");
        }
    }
}
