package com.caseflow.support.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookPolicyTests {

    private static final WebhookPolicy STRICT = WebhookPolicy.strict();
    private static final WebhookPolicy LOCAL = new WebhookPolicy(false, false);

    @Test
    void whenHttpsIsRequiredThenOnlyHttpsUrlsMayBePushedTo() {
        assertThat(STRICT.allows("https://gateway.example.internal/caseflow")).isTrue();
        assertThat(STRICT.allows("HTTPS://gateway.example.internal/caseflow")).isTrue();
        assertThat(STRICT.allows("http://gateway.example.internal/caseflow")).isFalse();
        assertThat(STRICT.allows("ftp://gateway.example.internal")).isFalse();
        assertThat(STRICT.allows("gateway.example.internal/caseflow")).isFalse();
        assertThat(STRICT.allows("not a url")).isFalse();
        assertThat(LOCAL.allows("http://127.0.0.1:9010/notifications")).isTrue();
    }

    @Test
    void whenAConfiguredTargetIsPlainHttpThenTheViolationNamesItsProperty() {
        assertThatThrownBy(() -> STRICT.checkTarget("caseflow.followup.notifications.webhook (CASEFLOW_WEBHOOK_URL)",
                "http://gateway.example.internal/caseflow"))
                .isInstanceOf(WebhookPolicyViolation.class)
                .hasMessageStartingWith("caseflow.followup.notifications.webhook (CASEFLOW_WEBHOOK_URL) must be https")
                .extracting(e -> ((WebhookPolicyViolation) e).property())
                .isEqualTo("caseflow.followup.notifications.webhook (CASEFLOW_WEBHOOK_URL)");
        assertThatCode(() -> STRICT.checkTarget("x", "")).doesNotThrowAnyException();
        assertThatCode(() -> LOCAL.checkTarget("x", "http://127.0.0.1:9011")).doesNotThrowAnyException();
    }

    @Test
    void whenSigningIsRequiredThenABlankSecretIsAViolation() {
        assertThatThrownBy(() -> STRICT.checkSecret("caseflow.sms.secret (CASEFLOW_SMS_SECRET)", " "))
                .isInstanceOf(WebhookPolicyViolation.class)
                .hasMessageContaining("caseflow.sms.secret (CASEFLOW_SMS_SECRET) is blank");
        assertThatThrownBy(() -> STRICT.checkSecret("caseflow.sms.secret", null))
                .isInstanceOf(WebhookPolicyViolation.class);
        assertThatCode(() -> STRICT.checkSecret("caseflow.sms.secret", "s3cret")).doesNotThrowAnyException();
        assertThatCode(() -> LOCAL.checkSecret("caseflow.sms.secret", "")).doesNotThrowAnyException();
    }
}
