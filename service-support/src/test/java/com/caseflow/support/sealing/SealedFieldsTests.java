package com.caseflow.support.sealing;

import com.caseflow.events.sealing.Keyring;
import com.caseflow.events.EventEnvelope;
import com.caseflow.events.EventTypes;
import com.caseflow.events.cases.CaseCustomer;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.support.consumer.EnvelopeReader;
import com.caseflow.support.consumer.PoisonRecordException;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxProperties;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sealed event fields as the outbox writes them and the services' reader reads them: names, numbers, units and
 * matters never in the clear on the event path, opened by the services holding the key, null for one without.
 */
class SealedFieldsTests {

    static final String KEY_2026 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef"
            .getBytes(StandardCharsets.US_ASCII));
    static final String KEY_2027 = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210"
            .getBytes(StandardCharsets.US_ASCII));
    static final String NAME = "王建国";
    static final String PHONE = "13912345678";
    static final String UNIT = "3栋2单元1201";
    static final String MATTER = "卫生间漏水，请回电 13800001111";

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private final Keyring keys2026 = Keyring.of(Map.of("k2026", KEY_2026), "k2026");

    @Test
    void whenTheOutboxWritesAContactThenNoPersonalFieldIsInTheClearAndTheKeyHolderReadsThemBack() {
        String payload = write(keys2026, contact());

        assertThat(payload).doesNotContain(NAME, PHONE, UNIT, "卫生间漏水", "13800001111", "某某物业公司")
                .contains("\"customerName\":\"sealed:v1:k2026:", "\"recordingUrl\":\"https://rec.example/1.wav\"");
        ContactReceived read = reader(keys2026).read(message(payload), ContactReceived.class).data();
        assertThat(read).isEqualTo(contact());
    }

    @Test
    void whenTheSameValueIsSealedTwiceThenTheTextsDiffer() {
        assertThat(keys2026.seal("phone", PHONE)).isNotEqualTo(keys2026.seal("phone", PHONE));
    }

    @Test
    void whenACaseCustomerIsSealedThenNameAndPhoneAreSealedAndTheTokenIsNot() {
        String payload = write(keys2026, routed());

        assertThat(payload).doesNotContain(NAME, PHONE, UNIT, "卫生间漏水").contains("\"token\":\"ct1-abc\"");
        CaseRouted read = reader(keys2026).read(message(payload), CaseRouted.class).data();
        assertThat(read.customer().name()).isEqualTo(NAME);
        assertThat(read.customer().phone()).isEqualTo(PHONE);
        assertThat(read.customer().token()).isEqualTo("ct1-abc");
        assertThat(read.matter()).isEqualTo(MATTER);
    }

    @Test
    void whenAServiceHoldsNoKeyThenSealedFieldsReadAsNullAndTheRecordIsStillValid() {
        String payload = write(keys2026, routed());

        CaseRouted read = new EnvelopeReader(JSON).read(message(payload), CaseRouted.class).data();

        assertThat(read.customer().name()).isNull();
        assertThat(read.customer().phone()).isNull();
        assertThat(read.customer().token()).isEqualTo("ct1-abc");
        assertThat(read.unit()).isNull();
        assertThat(read.matter()).isNull();
        assertThat(read.caseId()).isEqualTo("C1");
        assertThat(read.departmentCode()).isEqualTo("ENGINEERING");
    }

    @Test
    void whenASealedValueIsMovedToAnotherFieldThenItDoesNotOpenAndTheRecordIsPoisonNamingTheField() {
        ObjectNode tree = (ObjectNode) JSON.readTree(write(keys2026, contact()));
        ObjectNode data = (ObjectNode) tree.get("data");
        data.put("customerName", data.get("phone").asString());

        assertThatThrownBy(() -> reader(keys2026).read(message(JSON.writeValueAsString(tree)), ContactReceived.class))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("sealed field does not open at data.customerName")
                .hasMessageNotContaining(data.get("phone").asString());
    }

    @Test
    void whenASealedValueIsAlteredThenTheRecordIsPoisonNamingTheFieldNeverTheValue() {
        ObjectNode tree = (ObjectNode) JSON.readTree(write(keys2026, routed()));
        ObjectNode customer = (ObjectNode) tree.get("data").get("customer");
        String sealed = customer.get("phone").asString();
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
        bytes[bytes.length - 20] ^= 1;
        String altered = sealed.substring(0, sealed.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(bytes);
        customer.put("phone", altered);

        assertThatThrownBy(() -> reader(keys2026).read(message(JSON.writeValueAsString(tree)), CaseRouted.class))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("data.customer.phone")
                .hasMessageNotContaining(altered.substring(20))
                .hasMessageNotContaining(PHONE);
    }

    @Test
    void whenAValueIsSealedUnderAKeyIdTheServiceDoesNotHoldThenTheRecordIsPoison() {
        String payload = write(Keyring.of(Map.of("k2027", KEY_2027), "k2027"), contact());

        assertThatThrownBy(() -> reader(keys2026).read(message(payload), ContactReceived.class))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("data.customerName")
                .hasMessageContaining("key this service does not hold");
    }

    @Test
    void whenTheKeyIsRotatedThenValuesSealedUnderTheOldKeyIdStillOpenAndNewOnesUseTheNewKey() {
        String old = write(keys2026, contact());
        Keyring rotated = Keyring.of(Map.of("k2026", KEY_2026, "k2027", KEY_2027), "k2027");

        String fresh = write(rotated, contact());

        assertThat(fresh).contains("sealed:v1:k2027:").doesNotContain("sealed:v1:k2026:");
        assertThat(reader(rotated).read(message(old), ContactReceived.class).data()).isEqualTo(contact());
        assertThat(reader(rotated).read(message(fresh), ContactReceived.class).data()).isEqualTo(contact());
    }

    @Test
    void whenARecordWasWrittenBeforeSealingThenItsPlainValuesReadAsTheyAre() {
        // what the topics hold from before: Boot's mapper without the sealing module
        String plain = JSON.writeValueAsString(envelope(EventTypes.CONTACT_RECEIVED, contact()));
        assertThat(plain).contains(PHONE);

        assertThat(reader(keys2026).read(message(plain), ContactReceived.class).data()).isEqualTo(contact());
        assertThat(new EnvelopeReader(JSON).read(message(plain), ContactReceived.class).data().phone())
                .isEqualTo(PHONE);
    }

    @Test
    void whenTheRecordsAreRenderedWithoutTheEventWriterThenTheyStayPlain() {
        JsonMapper withModule = JSON.rebuild().addModule(new SealedFields()).build();

        JsonNode rendered = withModule.readTree(withModule.writeValueAsString(contact()));

        assertThat(rendered.get("phone").asString()).isEqualTo(PHONE);
    }

    @Test
    void whenAKeyOrItsIdDoesNotFitThenTheKeyringRefusesItNamingTheIdNeverTheKey() {
        assertThatThrownBy(() -> Keyring.of(Map.of("k1", "c2hvcnQ="), "k1"))
                .hasMessageContaining("k1").hasMessageContaining("32 bytes").hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> Keyring.of(Map.of("k1", KEY_2026), "k2"))
                .hasMessageContaining("no sealing key for the current key id k2");
        assertThatThrownBy(() -> Keyring.of(Map.of("k 1", KEY_2026), null)).hasMessageContaining("key id");
        assertThatThrownBy(() -> write(Keyring.none(), contact()))
                .hasRootCauseMessage("this service has no sealing key to seal customerName with");
    }

    private static String write(Keyring keyring, Object data) {
        Outbox outbox = new Outbox(JSON, keyring, new OutboxProperties(null, 0, null, null, null, null),
                Clock.systemUTC());
        String type = data instanceof CaseRouted ? EventTypes.CASE_ROUTED : EventTypes.CONTACT_RECEIVED;
        return outbox.entry("t", envelope(type, data)).payload();
    }

    private static EnvelopeReader reader(Keyring keyring) {
        return new EnvelopeReader(JSON, keyring);
    }

    private static EventEnvelope<Object> envelope(String type, Object data) {
        return new EventEnvelope<>("e1", type, 1, Instant.parse("2026-12-05T02:00:00Z"), "K1", "K1", data);
    }

    private static Message<byte[]> message(String payload) {
        return MessageBuilder.withPayload(payload.getBytes(StandardCharsets.UTF_8)).build();
    }

    static ContactReceived contact() {
        Instant at = Instant.parse("2026-12-05T02:00:00Z");
        return new ContactReceived("CT1", Channel.PHONE, "A001", at, at.minusSeconds(8), at.minusSeconds(2), 2, true,
                true, null, null, null, NAME, CallerType.OWNER, PHONE, "某某物业公司", "P01", UNIT, MATTER,
                ContactCategory.REPAIR, false, true, "CALL-1", null, "https://rec.example/1.wav", "ct1-abc");
    }

    static CaseRouted routed() {
        Instant at = Instant.parse("2026-12-05T02:00:00Z");
        return new CaseRouted("C1", 1, "CT1", "A001", Channel.PHONE, at, "P01", UNIT, ContactCategory.REPAIR, MATTER,
                new CaseCustomer(NAME, PHONE, "ct1-abc"), Complexity.COMPLEX, Priority.NORMAL, List.of(),
                "ENGINEERING", "R1", 1, null, null, at, "H001", List.of(), null);
    }
}
