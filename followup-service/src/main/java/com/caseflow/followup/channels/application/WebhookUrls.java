package com.caseflow.followup.channels.application;

import com.caseflow.followup.notifications.application.NotificationProperties.RobotType;
import com.caseflow.support.webhook.WebhookPolicy;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a robot's webhook URL must look like: the vendor's own host over https (or a configured local stand-in), the
 * vendor's path and the query parameter that names the robot. A URL pasted from the wrong place is refused before any
 * notification goes astray.
 */
@Component
public class WebhookUrls {

    static final int MAX_LENGTH = 512;

    private final ChannelProperties properties;
    private final WebhookPolicy policy;

    /** @throws com.caseflow.support.webhook.WebhookPolicyViolation a stand-in not on https where https is required */
    public WebhookUrls(ChannelProperties properties, WebhookPolicy policy) {
        for (int i = 0; i < properties.standIns().size(); i++) {
            policy.checkTarget("caseflow.followup.channels.stand-ins[" + i + "]",
                    properties.standIns().get(i).toString());
        }
        this.properties = properties;
        this.policy = policy;
    }

    /** Empty when the URL is acceptable; otherwise what is wrong with it, for the problem document. */
    public Optional<String> problem(RobotType type, String url) {
        String host = type == RobotType.WECOM ? "qyapi.weixin.qq.com" : "oapi.dingtalk.com";
        String path = type == RobotType.WECOM ? "/cgi-bin/webhook/send" : "/robot/send";
        String param = type == RobotType.WECOM ? "key" : "access_token";
        String example = "https://" + host + path + "?" + param + "=…";
        if (url.length() > MAX_LENGTH || url.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return Optional.of("one URL without spaces, at most " + MAX_LENGTH + " characters, e.g. " + example);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("not a URL: " + example);
        }
        if (uri.getHost() == null || uri.getScheme() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            return Optional.of("an absolute URL such as " + example);
        }
        Optional<String> notHttps = policy.httpsProblem(url);
        if (notHttps.isPresent()) {
            return Optional.of(notHttps.get() + ", e.g. " + example);
        }
        boolean vendor = "https".equals(uri.getScheme()) && host.equals(uri.getHost().toLowerCase(Locale.ROOT))
                && (uri.getPort() == -1 || uri.getPort() == 443);
        if (!vendor && !standIn(uri)) {
            return Optional.of("must be https on " + host + (properties.standIns().isEmpty() ? ""
                    : " (or a configured stand-in)") + ", e.g. " + example);
        }
        if (!path.equals(uri.getRawPath())) {
            return Optional.of("the path of " + (type == RobotType.WECOM ? "a WeCom" : "a DingTalk") + " robot is "
                    + path + ", e.g. " + example);
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        boolean named = Arrays.stream(query.split("&")).anyMatch(p -> p.startsWith(param + "=")
                && p.length() > param.length() + 1);
        if (!named) {
            return Optional.of("names the robot by its " + param + ", e.g. " + example);
        }
        return Optional.empty();
    }

    private boolean standIn(URI uri) {
        return properties.standIns().stream().anyMatch(s -> s.getScheme().equals(uri.getScheme())
                && s.getHost().equalsIgnoreCase(uri.getHost()) && s.getPort() == uri.getPort());
    }

    /** The URL as shown to people: the robot's credential (its query's values) masked but for its last characters. */
    public static String masked(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        StringBuilder shown = new StringBuilder(url.substring(0, q + 1));
        String[] pairs = url.substring(q + 1).split("&");
        for (int i = 0; i < pairs.length; i++) {
            int eq = pairs[i].indexOf('=');
            String name = eq < 0 ? pairs[i] : pairs[i].substring(0, eq);
            String value = eq < 0 ? "" : pairs[i].substring(eq + 1);
            shown.append(i == 0 ? "" : "&").append(name).append('=')
                    .append(value.length() <= 8 ? "****" : "****" + value.substring(value.length() - 4));
        }
        return shown.toString();
    }
}
