package com.caseflow.intake.calls.application;

import com.caseflow.support.webhook.SignedRequests;
import com.caseflow.support.webhook.SignedRequestsFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The check of the phone platform's call events: signed with {@code caseflow.phone.secret} within
 * {@code caseflow.phone.signature-window}, each signature taken once (kept in {@value #COLLECTION}).
 */
@Configuration(proxyBeanMethods = false)
class PhoneSignatureConfiguration {

    static final String COLLECTION = "phone_signatures";

    @Bean
    SignedRequests phoneSignatures(SignedRequestsFactory factory, PhoneProperties properties) {
        return factory.create(COLLECTION, "caseflow.phone.secret (CASEFLOW_PHONE_SECRET)", properties.secret(),
                properties.signatureWindow());
    }
}
