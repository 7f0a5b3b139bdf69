package com.caseflow.events;

import com.caseflow.events.call.CallAbandoned;
import com.caseflow.events.call.CallAnswered;
import com.caseflow.events.call.CallRinging;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.contact.TimingSource;
import com.caseflow.events.followup.CustomerFeedbackRecorded;
import com.caseflow.events.followup.FeedbackChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CallEventContractTests {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"call-offered.json", "call-ringing.json", "call-answered.json", "call-abandoned.json",
            "call-transferred.json", "call-ended.json"})
    void whenACallSampleIsReadAsItsTypeThenEveryFieldSurvivesARoundTripAndItIsKeyedByTheCall(String sample)
            throws IOException {
        String json = sample(sample);

        EventEnvelope<?> envelope = read(json);

        JsonNode written = mapper.readTree(mapper.writeValueAsString(envelope));
        assertThat(written).isEqualTo(mapper.readTree(json));
        assertThat(written.get("key").asString()).isEqualTo(written.get("data").get("callId").asString());
        assertThat(Topics.ALL).contains(Topics.CALLS);
    }

    @Test
    void whenAnAnsweredCallIsReadThenItsRingTimeIsWithinThreeRings() throws IOException {
        CallAnswered answered = (CallAnswered) read(sample("call-answered.json")).data();

        assertThat(Duration.between(answered.ringStartedAt(), answered.answeredAt()))
                .isEqualTo(Duration.ofSeconds(7)).isLessThanOrEqualTo(CallAnswered.THREE_RINGS);
    }

    @Test
    void whenACallEventIsPrintedThenTheCallersNumberIsNotInIt() throws IOException {
        for (String name : new String[]{"call-ringing.json", "call-answered.json", "call-abandoned.json",
                "call-offered.json"}) {
            Object data = read(sample(name)).data();
            assertThat(data.toString()).doesNotContain("13812345678").doesNotContain("02158881234");
        }
        CallRinging ringing = (CallRinging) read(sample("call-ringing.json")).data();
        assertThat(ringing.caller()).isEqualTo("13812345678");
        CallAbandoned abandoned = (CallAbandoned) read(sample("call-abandoned.json")).data();
        assertThat(abandoned.lastAgentId()).isEqualTo("A002");
    }

    @Test
    void whenAContactCameFromAScreenPopThenItNamesItsCallAndMeasuredTimes() throws IOException {
        String json = sample("contact-received-phone-measured.json");

        ContactReceived contact = (ContactReceived) read(json).data();

        assertThat(contact.callId()).isEqualTo("CALL-20261127-0001");
        assertThat(contact.timing()).isEqualTo(TimingSource.MEASURED);
        assertThat(mapper.readTree(mapper.writeValueAsString(read(json)))).isEqualTo(mapper.readTree(json));
    }

    @Test
    void whenAContactIsBuiltWithoutThePlatformThenACallIsSelfReportedAndAVisitHasNoTiming() {
        ContactReceived call = new ContactReceived("c", com.caseflow.events.contact.Channel.PHONE, "A001", null,
                null, null, 2, true, true, null, null, null, null, null, null, null, "P", null, "m", null, false,
                true);
        ContactReceived visit = new ContactReceived("v", com.caseflow.events.contact.Channel.VISIT, "R001", null,
                null, null, null, null, true, null, null, null, null, null, null, null, "P", null, "m", null, false,
                true);

        assertThat(call.timing()).isEqualTo(TimingSource.SELF_REPORTED);
        assertThat(visit.timing()).isNull();
    }

    @Test
    void whenFeedbackComesByTextThenItSaysSoAndOlderFeedbackHasNoChannel() throws IOException {
        String json = sample("customer-feedback-recorded-sms.json");
        CustomerFeedbackRecorded sms = (CustomerFeedbackRecorded) read(json).data();
        CustomerFeedbackRecorded older = (CustomerFeedbackRecorded) read(sample("customer-feedback-recorded.json"))
                .data();

        assertThat(sms.channel()).isEqualTo(FeedbackChannel.SMS);
        assertThat(mapper.readTree(mapper.writeValueAsString(read(json)))).isEqualTo(mapper.readTree(json));
        assertThat(older.channel()).as("written before texts existed: a callback").isNull();
    }

    private EventEnvelope<?> read(String json) {
        String type = mapper.readTree(json).get("type").asString();
        JavaType envelopeType = mapper.getTypeFactory().constructParametricType(EventEnvelope.class,
                EventTypes.payloadOf(type).orElseThrow());
        return mapper.readValue(json, envelopeType);
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = CallEventContractTests.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
