package com.caseflow.support.consumer;

import com.caseflow.events.EventTypes;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeReaderTests {

    private final EnvelopeReader reader = new EnvelopeReader(JsonMapper.builder().build());

    @Test
    void aTypeTheContractsKnowIsReadFromTheHeaderOrTheEnvelope() {
        assertThat(reader.type(MessageBuilder.withPayload(new byte[0])
                .setHeader("ce-type", EventTypes.CASE_ROUTED).build())).isEqualTo(EventTypes.CASE_ROUTED);
        assertThat(reader.type(MessageBuilder.withPayload(envelope(EventTypes.CASE_RESOLVED)).build()))
                .isEqualTo(EventTypes.CASE_RESOLVED);
    }

    @Test
    void aTypeTheContractsDoNotKnowIsPoisonSoThatItReachesTheDeadLetterTopicInsteadOfBeingSkipped() {
        assertThatThrownBy(() -> reader.type(MessageBuilder.withPayload(envelope("caseflow.case.teleported.v1"))
                .build()))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("unknown event type 'caseflow.case.teleported.v1'");
        assertThatThrownBy(() -> reader.type(MessageBuilder.withPayload(new byte[0])
                .setHeader("ce-type", "x".repeat(500)).build()))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageNotContaining("x".repeat(81));
    }

    @Test
    void recordsThatAreNoEnvelopeArePoison() {
        assertThatThrownBy(() -> reader.type(MessageBuilder.withPayload("{\"case".getBytes(StandardCharsets.UTF_8))
                .build()))
                .isInstanceOf(PoisonRecordException.class);
    }

    private static byte[] envelope(String type) {
        return ("{\"eventId\":\"e1\",\"type\":\"" + type + "\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"2026-11-27T01:00:00Z\",\"key\":\"k\",\"data\":{}}").getBytes(StandardCharsets.UTF_8);
    }
}
