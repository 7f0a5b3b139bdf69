package com.caseflow.followup.sms.application;

import com.caseflow.followup.sms.persistence.TextMessageStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class SmsGatewayHealthTests {

    private final TextMessageStore store = mock(TextMessageStore.class);

    @Test
    void whenNoGatewayIsConfiguredThenHealthWarnsAndCountsTheWaitingTexts() {
        when(store.waiting()).thenReturn(3L);
        Health health = new SmsGatewayHealth(properties(" "), store).health();
        assertThat(health.getStatus().getCode()).isEqualTo("WARNING");
        assertThat(health.getDetails()).containsEntry("configured", false).containsEntry("waiting", 3L);
    }

    @Test
    void whenAGatewayIsConfiguredThenHealthIsUp() {
        Health health = new SmsGatewayHealth(properties("http://127.0.0.1:9011/sms/messages"), store).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
    }

    private static SmsProperties properties(String url) {
        return new SmsProperties(url, "secret", "CaseFlow置业客服", Map.of(), Map.of(), "相关部门", LocalTime.of(21, 0),
                LocalTime.of(8, 0), Set.of(), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofMinutes(30), Duration.ofSeconds(30), 50, Duration.ofMinutes(5), false);
    }
}
