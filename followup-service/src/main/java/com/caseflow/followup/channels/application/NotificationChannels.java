package com.caseflow.followup.channels.application;

import com.caseflow.followup.channels.domain.DepartmentChannels;
import com.caseflow.followup.channels.persistence.ChannelStore;
import com.caseflow.followup.channels.persistence.VersionedChannels;
import com.caseflow.followup.notifications.application.NotificationProperties;
import com.caseflow.followup.notifications.application.NotificationProperties.Robot;
import com.caseflow.followup.notifications.application.NotificationProperties.RobotType;
import com.caseflow.support.problem.ConflictException;
import com.caseflow.support.security.Staff;
import com.caseflow.support.webhook.WebhookPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Departments' notification channels (WeCom and DingTalk group robots) as data: seeded from
 * {@code caseflow.followup.notifications.robots} at the first start, then changed by administrators. Delivery asks
 * for a department's robots at each notification, so a change applies to the next one.
 */
@Service
@EnableConfigurationProperties(ChannelProperties.class)
public class NotificationChannels implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationChannels.class);
    private static final int ATTEMPTS = 5;

    /**
     * One robot as an administrator sets it.
     *
     * @param webhookUrl the new URL; null keeps the stored one (the URL is a credential: it is never shown whole)
     * @param secret     DingTalk's new signing secret; null keeps the stored one, blank removes it
     */
    public record RobotChange(String webhookUrl, String secret) {
    }

    /** The department's channels as wanted: a robot left null has none. */
    public record Change(RobotChange wecom, RobotChange dingtalk) {
    }

    /** A robot to keep whose URL was never stored: the caller must type it. */
    public static class UrlRequiredException extends RuntimeException {

        private final String field;

        UrlRequiredException(String field) {
            super(field + " is required: no URL is stored to keep");
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final ChannelStore store;
    private final NotificationProperties seed;
    private final Clock clock;

    /** @throws com.caseflow.support.webhook.WebhookPolicyViolation a configured robot's URL not https where required */
    public NotificationChannels(ChannelStore store, NotificationProperties seed, WebhookPolicy policy, Clock clock) {
        seed.robots().forEach((department, robots) -> {
            for (int i = 0; i < robots.size(); i++) {
                policy.checkTarget("caseflow.followup.notifications.robots." + department + "[" + i + "].url",
                        robots.get(i).url());
            }
        });
        this.store = store;
        this.seed = seed;
        this.clock = clock;
    }

    /** Stores the configured robots while no channels are stored at all (the first start). */
    @Override
    public void afterPropertiesSet() {
        if (seed.robots().isEmpty() || !store.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int seeded = 0;
        for (Map.Entry<String, List<Robot>> department : new TreeMap<>(seed.robots()).entrySet()) {
            DepartmentChannels.WeCom wecom = null;
            DepartmentChannels.DingTalk dingtalk = null;
            for (Robot robot : seed.robotsOf(department.getKey())) {
                if (robot.type() == RobotType.WECOM && wecom == null) {
                    wecom = new DepartmentChannels.WeCom(robot.url(), robot.name());
                } else if (robot.type() == RobotType.DINGTALK && dingtalk == null) {
                    dingtalk = new DepartmentChannels.DingTalk(robot.url(), blankToNull(robot.secret()),
                            robot.name());
                } else {
                    log.warn("caseflow.followup.notifications.robots.{}: one robot of each kind per department is "
                            + "kept; {} is left out", department.getKey(), robot.name());
                }
            }
            if (wecom != null || dingtalk != null) {
                store.seed(new DepartmentChannels(department.getKey(), wecom, dingtalk,
                        DepartmentChannels.CONFIGURATION, now));
                seeded++;
            }
        }
        log.info("notification channels seeded from configuration: {} department(s)", seeded);
    }

    public List<VersionedChannels> all() {
        return store.all();
    }

    /** A department's channels; version 0 and no robot when none were ever stored. */
    public VersionedChannels read(String departmentCode) {
        return store.find(departmentCode).orElseGet(() -> new VersionedChannels(
                new DepartmentChannels(departmentCode, null, null, null, null), 0));
    }

    /** The robots a department's notification goes to now, besides the gateway. */
    public List<Robot> robotsOf(String departmentCode) {
        if (departmentCode == null) {
            return List.of();
        }
        return store.find(departmentCode).map(v -> robots(v.channels())).orElse(List.of());
    }

    /**
     * Replaces a department's channels; URLs and secrets are checked by the caller.
     *
     * @param expectedVersion the version the caller read (0: none stored yet); null to replace whatever is current
     * @throws UrlRequiredException a robot is kept ({@code webhookUrl} null) but none is stored
     * @throws ConflictException    when the channels are not at {@code expectedVersion}, or changed under the write
     */
    public VersionedChannels replace(Staff staff, String departmentCode, Change change, Long expectedVersion) {
        for (int attempt = 1; ; attempt++) {
            VersionedChannels current = read(departmentCode);
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw new ConflictException("the channels of " + departmentCode + " are at version "
                        + current.version() + ", not " + expectedVersion + ": read them again");
            }
            DepartmentChannels before = current.channels();
            DepartmentChannels after = new DepartmentChannels(departmentCode, wecom(change.wecom(), before.wecom()),
                    dingtalk(change.dingtalk(), before.dingtalk()), staff.staffId(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
            try {
                VersionedChannels replaced = store.replace(after, current.version());
                log.info("notification channels of {} changed by {}: WeCom {}, DingTalk {}, version {}",
                        departmentCode, staff.staffId(), after.wecom() != null, after.dingtalk() != null,
                        replaced.version());
                return replaced;
            } catch (OptimisticLockingFailureException lost) {
                if (expectedVersion != null || attempt >= ATTEMPTS) {
                    throw new ConflictException("the channels of " + departmentCode + " were changed by someone "
                            + "else meanwhile: read them again");
                }
            }
        }
    }

    private static DepartmentChannels.WeCom wecom(RobotChange change, DepartmentChannels.WeCom before) {
        if (change == null) {
            return null;
        }
        if (change.webhookUrl() == null) {
            if (before == null) {
                throw new UrlRequiredException("wecom.webhookUrl");
            }
            return before;
        }
        return new DepartmentChannels.WeCom(change.webhookUrl(), sameUrl(before == null ? null : before.webhookUrl(),
                change.webhookUrl(), before == null ? null : before.name(), RobotType.WECOM));
    }

    private static DepartmentChannels.DingTalk dingtalk(RobotChange change, DepartmentChannels.DingTalk before) {
        if (change == null) {
            return null;
        }
        String url = change.webhookUrl() != null ? change.webhookUrl() : before == null ? null : before.webhookUrl();
        if (url == null) {
            throw new UrlRequiredException("dingtalk.webhookUrl");
        }
        String secret = change.secret() != null ? blankToNull(change.secret()) : before == null ? null
                : before.secret();
        return new DepartmentChannels.DingTalk(url, secret, sameUrl(before == null ? null : before.webhookUrl(), url,
                before == null ? null : before.name(), RobotType.DINGTALK));
    }

    /** A robot keeps its name (its delivery records and rate limiter) while its URL stays the same. */
    private static String sameUrl(String before, String after, String name, RobotType type) {
        return after.equals(before) && name != null ? name : new Robot(type, after, null, null).name();
    }

    private static List<Robot> robots(DepartmentChannels channels) {
        List<Robot> robots = new ArrayList<>(2);
        if (channels.wecom() != null) {
            robots.add(new Robot(RobotType.WECOM, channels.wecom().webhookUrl(), null, channels.wecom().name()));
        }
        if (channels.dingtalk() != null) {
            robots.add(new Robot(RobotType.DINGTALK, channels.dingtalk().webhookUrl(), channels.dingtalk().secret(),
                    channels.dingtalk().name()));
        }
        return robots;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
