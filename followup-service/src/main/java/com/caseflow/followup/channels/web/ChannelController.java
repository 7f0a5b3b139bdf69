package com.caseflow.followup.channels.web;

import com.caseflow.followup.channels.application.NotificationChannels;
import com.caseflow.followup.channels.application.WebhookUrls;
import com.caseflow.followup.channels.domain.DepartmentChannels;
import com.caseflow.followup.channels.persistence.VersionedChannels;
import com.caseflow.followup.notifications.application.NotificationProperties.RobotType;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.security.StaffRateLimiter;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Departments' notification channels (WeCom and DingTalk group robots): administrators change them, managers and
 * administrators read them. A robot's URL is its credential and shown masked; DingTalk's signing secret is never
 * shown, only whether one is set. Every answer says who changed the channels last and when.
 */
@RestController
@RequestMapping("/api/v1/notification-channels")
class ChannelController {

    private static final Pattern DEPARTMENT = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern SECRET = Pattern.compile("SEC[0-9A-Za-z]{8,125}");

    private final NotificationChannels channels;
    private final WebhookUrls urls;
    private final StaffRateLimiter rateLimit;

    ChannelController(NotificationChannels channels, WebhookUrls urls, StaffRateLimiter rateLimit) {
        this.channels = channels;
        this.urls = urls;
        this.rateLimit = rateLimit;
    }

    /**
     * @param webhookUrl the robot's URL; left out (null) keeps the stored one
     * @param secret     DingTalk's signing secret ({@code SEC…}); left out keeps the stored one, "" removes it
     */
    record RobotRequest(String webhookUrl, String secret) {
    }

    /**
     * @param wecom           left out or null: the department has no WeCom robot
     * @param dingtalk        left out or null: the department has no DingTalk robot
     * @param expectedVersion the version last read (0: none stored yet); changed channels then answer 409
     */
    record ChannelsRequest(RobotRequest wecom, RobotRequest dingtalk, Long expectedVersion) {
    }

    /** @param webhookUrl masked: the robot's key or access token shows its last characters only */
    record WeComView(String webhookUrl) {
    }

    /** @param secretSet whether signed requests (加签) are on; the secret itself is never shown */
    record DingTalkView(String webhookUrl, boolean secretSet) {
    }

    record ChannelsView(String departmentCode, WeComView wecom, DingTalkView dingtalk, long version,
                        String changedBy, Instant changedAt) {
    }

    record ChannelsList(List<ChannelsView> channels) {
    }

    @GetMapping
    ChannelsList list(Authentication authentication) {
        rateLimit.acquireRead(Staff.of(authentication));
        return new ChannelsList(channels.all().stream().map(ChannelController::view).toList());
    }

    @GetMapping("/{department}")
    ResponseEntity<ChannelsView> read(@PathVariable String department, Authentication authentication) {
        department(department);
        rateLimit.acquireRead(Staff.of(authentication));
        VersionedChannels found = channels.read(department);
        return ResponseEntity.ok().eTag("\"" + found.version() + "\"").body(view(found));
    }

    @PutMapping("/{department}")
    ResponseEntity<ChannelsView> replace(@PathVariable String department, @RequestBody ChannelsRequest body,
                                         Authentication authentication) {
        department(department);
        List<FieldProblem> problems = new ArrayList<>();
        NotificationChannels.RobotChange wecom = null;
        if (body.wecom() != null) {
            if (body.wecom().secret() != null) {
                problems.add(new FieldProblem("wecom.secret", "a WeCom robot has no signing secret"));
            }
            wecom = new NotificationChannels.RobotChange(url("wecom.webhookUrl", RobotType.WECOM,
                    body.wecom().webhookUrl(), problems), null);
        }
        NotificationChannels.RobotChange dingtalk = null;
        if (body.dingtalk() != null) {
            String secret = body.dingtalk().secret() == null ? null : body.dingtalk().secret().strip();
            if (secret != null && !secret.isEmpty() && !SECRET.matcher(secret).matches()) {
                problems.add(new FieldProblem("dingtalk.secret", "the robot's signing secret (加签) as DingTalk shows "
                        + "it: SEC followed by letters and digits; \"\" removes it, left out keeps it"));
            }
            dingtalk = new NotificationChannels.RobotChange(url("dingtalk.webhookUrl", RobotType.DINGTALK,
                    body.dingtalk().webhookUrl(), problems), secret);
        }
        if (body.expectedVersion() != null && body.expectedVersion() < 0) {
            problems.add(new FieldProblem("expectedVersion", "the version last read, 0 or more"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Staff staff = Staff.of(authentication);
        rateLimit.acquireWrite(staff);
        VersionedChannels replaced;
        try {
            replaced = channels.replace(staff, department, new NotificationChannels.Change(wecom, dingtalk),
                    body.expectedVersion());
        } catch (NotificationChannels.UrlRequiredException e) {
            throw new InvalidRequestException(List.of(new FieldProblem(e.field(), "required: no URL is stored for "
                    + "this robot yet")));
        }
        return ResponseEntity.ok().eTag("\"" + replaced.version() + "\"").body(view(replaced));
    }

    private String url(String field, RobotType type, String value, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        String url = value.strip();
        if (url.isEmpty()) {
            problems.add(new FieldProblem(field, "required: the robot's webhook URL (left out keeps the stored one)"));
            return null;
        }
        urls.problem(type, url).ifPresent(problem -> problems.add(new FieldProblem(field, problem)));
        return url;
    }

    private static void department(String code) {
        if (!DEPARTMENT.matcher(code).matches()) {
            throw new InvalidRequestException(List.of(new FieldProblem("department",
                    "a department code: upper-case letters, digits and '_', e.g. CUSTOMER_SERVICE")));
        }
    }

    private static ChannelsView view(VersionedChannels v) {
        DepartmentChannels c = v.channels();
        return new ChannelsView(c.departmentCode(),
                c.wecom() == null ? null : new WeComView(WebhookUrls.masked(c.wecom().webhookUrl())),
                c.dingtalk() == null ? null : new DingTalkView(WebhookUrls.masked(c.dingtalk().webhookUrl()),
                        c.dingtalk().secret() != null),
                v.version(), c.changedBy(), c.changedAt());
    }
}
