package com.caseflow.support.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code caseflow.webhooks}: how strict every machine-to-machine push is, ours and theirs. Both default to true, so a
 * configuration that never mentions them is strict; only the local stack's defaults (each service's application.yml
 * outside the {@code container} profile) and the tests built on them turn them off, for the stand-ins on
 * {@code http://127.0.0.1}.
 *
 * @param requireHttps     every URL we push to (the notification gateway, the SMS gateway, group robots, stand-ins)
 *                         must be {@code https://}: refused at start-up, when an administrator stores it, and at
 *                         delivery
 * @param requireSignature every signing secret must be set — ours for what we send, the shared one for what the
 *                         phone platform and the SMS gateway post to us; a blank one stops the service at start-up
 */
@ConfigurationProperties("caseflow.webhooks")
public record WebhookPolicy(@DefaultValue("true") boolean requireHttps, @DefaultValue("true") boolean requireSignature) {

    /** The strict policy, as outside the local stack. */
    public static WebhookPolicy strict() {
        return new WebhookPolicy(true, true);
    }

    /**
     * @param property the secret's property and variable, e.g. {@code caseflow.sms.secret (CASEFLOW_SMS_SECRET)}
     * @throws WebhookPolicyViolation a blank secret where signing is required
     */
    public void checkSecret(String property, String secret) {
        if (requireSignature && (secret == null || secret.isBlank())) {
            throw new WebhookPolicyViolation(property, "is blank, and signing is required outside the local stack "
                    + "(caseflow.webhooks.require-signature=true)",
                    "Set " + property + " to the shared secret (deploy/make-secrets.sh makes one; compose hands it "
                            + "over as a secret).");
        }
    }

    /**
     * @param property the URL's property and variable
     * @throws WebhookPolicyViolation a URL that is not https where https is required
     */
    public void checkTarget(String property, String url) {
        if (url == null || url.isBlank()) {
            return;
        }
        httpsProblem(url).ifPresent(problem -> {
            throw new WebhookPolicyViolation(property, problem, "Point " + property + " at the https:// address "
                    + "of the receiver, or put a TLS-terminating gateway in front of it.");
        });
    }

    /** Empty when the URL may be pushed to; otherwise why not, for a log line or a problem document. */
    public Optional<String> httpsProblem(String url) {
        if (!requireHttps) {
            return Optional.empty();
        }
        String scheme;
        try {
            scheme = URI.create(url.strip()).getScheme();
        } catch (IllegalArgumentException e) {
            scheme = null;
        }
        return "https".equals(scheme == null ? null : scheme.toLowerCase(Locale.ROOT)) ? Optional.empty()
                : Optional.of("must be https: outside the local stack nothing is pushed over plain http "
                + "(caseflow.webhooks.require-https=true)");
    }

    public boolean allows(String url) {
        return httpsProblem(url).isEmpty();
    }
}
