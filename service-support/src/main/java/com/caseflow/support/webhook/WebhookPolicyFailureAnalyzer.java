package com.caseflow.support.webhook;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link WebhookPolicyViolation} into Boot's "APPLICATION FAILED TO START" with what to set. */
class WebhookPolicyFailureAnalyzer extends AbstractFailureAnalyzer<WebhookPolicyViolation> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WebhookPolicyViolation cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
