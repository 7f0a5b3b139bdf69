package com.caseflow.support.webhook;

/** A push configured against {@link WebhookPolicy}: the service does not start ({@link WebhookPolicyFailureAnalyzer}). */
public class WebhookPolicyViolation extends IllegalStateException {

    private final String property;
    private final String action;

    public WebhookPolicyViolation(String property, String problem, String action) {
        super(property + " " + problem);
        this.property = property;
        this.action = action;
    }

    public String property() {
        return property;
    }

    public String action() {
        return action;
    }
}
