package com.caseflow.support.consumer;

import com.caseflow.events.EventTypes;
import com.caseflow.events.contact.ContactReceived;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
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

    @Test
    void whenAContactIsWellFormedThenItIsRead() {
        assertThat(reader.read(message(contact("\"PHONE\"", "卫生间漏水", 2)), ContactReceived.class).data().matter())
                .isEqualTo("卫生间漏水");
    }

    @Test
    void whenAnEventNamesAnEnumerationValueThisServiceDoesNotKnowThenItIsPoisonNamingTheFieldNotTheValue() {
        assertThatThrownBy(() -> reader.read(message(contact("\"CARRIER_PIGEON\"", "漏水", 2)), ContactReceived.class))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("data.channel")
                .hasMessageNotContaining("CARRIER_PIGEON");
    }

    @Test
    void whenAnEventHasAnOverlongTextOrANumberOutOfRangeThenItIsPoisonNamingEachFieldNotTheValue() {
        String matter = "业主反映楼上漏水".repeat(300);
        assertThatThrownBy(() -> reader.read(message(contact("\"PHONE\"", matter, 999)), ContactReceived.class))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageStartingWith("invalid ContactReceived: ")
                .hasMessageContaining("data.matter: size must be between 0 and 2000")
                .hasMessageContaining("data.ringCount: must be less than or equal to 60")
                .hasMessageNotContaining("业主反映");
    }

    @Test
    void whenAnEnvelopeIdIsMalformedThenItIsPoison() {
        byte[] spaced = new String(contact("\"PHONE\"", "漏水", 2), StandardCharsets.UTF_8)
                .replace("\"eventId\":\"e1\"", "\"eventId\":\"e 1\"").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.read(message(spaced), ContactReceived.class))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("eventId: must be an id");
    }

    private static Message<byte[]> message(byte[] payload) {
        return MessageBuilder.withPayload(payload).build();
    }

    private static byte[] contact(String channel, String matter, int ringCount) {
        return ("{\"eventId\":\"e1\",\"type\":\"" + EventTypes.CONTACT_RECEIVED + "\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"2026-11-27T01:00:00Z\",\"key\":\"c-1\",\"data\":{\"contactId\":\"c-1\","
                + "\"channel\":" + channel + ",\"agentId\":\"A001\",\"receivedAt\":\"2026-11-27T01:00:00Z\","
                + "\"ringCount\":" + ringCount + ",\"matter\":\"" + matter + "\",\"category\":\"REPAIR\","
                + "\"settledAtFirstContact\":false,\"recordComplete\":true}}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] envelope(String type) {
        return ("{\"eventId\":\"e1\",\"type\":\"" + type + "\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"2026-11-27T01:00:00Z\",\"key\":\"k\",\"data\":{}}").getBytes(StandardCharsets.UTF_8);
    }
}
