package com.caseflow.followup.sms.application;

import com.caseflow.support.webhook.SignedRequests;
import com.caseflow.support.webhook.SignedRequestsFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The check of the SMS gateway's pushes (customers' replies): signed with {@code caseflow.sms.secret} within
 * {@code caseflow.sms.reply-window}, each signature taken once (kept in {@value #COLLECTION}).
 */
@Configuration(proxyBeanMethods = false)
class GatewaySignatureConfiguration {

    static final String COLLECTION = "sms_replay_keys";

    @Bean
    SignedRequests gatewaySignatures(SignedRequestsFactory factory, SmsProperties properties) {
        return factory.create(COLLECTION, "caseflow.sms.secret (CASEFLOW_SMS_SECRET)", properties.secret(),
                properties.replyWindow());
    }
}
