package com.caseflow.events;

import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ContactReceivedContractTests {

    private static final TypeReference<EventEnvelope<ContactReceived>> ENVELOPE = new TypeReference<>() {
    };

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void whenPhoneSampleIsReadThenEveryFieldSurvivesARoundTrip() throws IOException {
        String sample = sample("contact-received-phone.json");

        EventEnvelope<ContactReceived> envelope = mapper.readValue(sample, ENVELOPE);

        assertThat(envelope.type()).isEqualTo(EventTypes.CONTACT_RECEIVED);
        assertThat(envelope.key()).isEqualTo(envelope.data().contactId());
        ContactReceived contact = envelope.data();
        assertThat(contact.channel()).isEqualTo(Channel.PHONE);
        assertThat(contact.customerName()).isEqualTo("王小明");
        assertThat(contact.unit()).isEqualTo("3栋2单元1201");
        assertThat(contact.category()).isEqualTo(ContactCategory.REPAIR);
        assertThat(contact.ringCount()).isEqualTo(2);
        assertThat(mapper.readTree(mapper.writeValueAsString(envelope))).isEqualTo(mapper.readTree(sample));
    }

    @Test
    void whenVisitSampleIsReadThenCallFieldsStayAbsentOnTheWire() throws IOException {
        String sample = sample("contact-received-visit.json");

        EventEnvelope<ContactReceived> envelope = mapper.readValue(sample, ENVELOPE);
        JsonNode written = mapper.readTree(mapper.writeValueAsString(envelope));

        assertThat(envelope.data().organisation()).isEqualTo("业主委员会");
        assertThat(written).isEqualTo(mapper.readTree(sample));
        assertThat(written.get("data").has("ringCount")).isFalse();
    }

    @Test
    void whenAProducerAddsFieldsThenReadersIgnoreThem() throws IOException {
        String sample = sample("contact-received-phone.json")
                .replace("\"channel\": \"PHONE\",", "\"channel\": \"PHONE\", \"sentiment\": {\"score\": 0.2},")
                .replace("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"tenant\": \"east\",");

        EventEnvelope<ContactReceived> envelope = mapper.readValue(sample, ENVELOPE);

        assertThat(envelope.data().matter()).isEqualTo("卫生间天花板漏水");
    }

    @Test
    void whenTypeNameIsKnownThenItMapsToItsPayloadAndUnknownNamesMapToNothing() {
        assertThat(EventTypes.payloadOf(EventTypes.CONTACT_RECEIVED)).contains(ContactReceived.class);
        assertThat(EventTypes.payloadOf("caseflow.contact.received.v9")).isEmpty();
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = ContactReceivedContractTests.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
