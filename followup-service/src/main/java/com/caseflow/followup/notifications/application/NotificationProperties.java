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
 */
@ConfigurationProperties("caseflow.followup.notifications")
public record NotificationProperties(URI webhook, String secret, @DefaultValue("5s") Duration timeout,
                                     @DefaultValue("10s") Duration pollInterval,
                                     @DefaultValue("30s") Duration firstPause, @DefaultValue("30m") Duration maxPause,
                                     @DefaultValue("30s") Duration lease, @DefaultValue("50") int batchSize,
                                     Map<String, Map<String, List<String>>> directory,
                                     @DefaultValue("true") boolean dispatch) {

    public NotificationProperties {
        if (webhook == null) {
            throw new IllegalArgumentException("caseflow.followup.notifications.webhook is required: the gateway "
                    + "that delivers reminders and escalations");
        }
        directory = directory == null ? Map.of() : Map.copyOf(directory);
    }
}
