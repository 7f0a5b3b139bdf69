package com.caseflow.followup.channels.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.List;

/**
 * {@code caseflow.followup.channels}: where an administrator may point a department's robots besides WeCom's and
 * DingTalk's own hosts.
 *
 * @param standIns origins ({@code http://127.0.0.1:9012}) of local stand-ins for the robots, accepted as well as
 *                 {@code https://qyapi.weixin.qq.com} and {@code https://oapi.dingtalk.com}; none in production
 */
@ConfigurationProperties("caseflow.followup.channels")
public record ChannelProperties(List<URI> standIns) {

    public ChannelProperties {
        standIns = standIns == null ? List.of() : List.copyOf(standIns);
    }
}
