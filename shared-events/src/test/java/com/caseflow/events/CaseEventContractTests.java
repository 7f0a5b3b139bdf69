package com.caseflow.events;

import com.caseflow.events.cases.CaseCustomer;
import com.caseflow.events.cases.CaseReopened;
import com.caseflow.events.cases.CaseRouted;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.followup.CaseReopenRequested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CaseEventContractTests {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "case-routed.json",
            "contact-attached.json",
            "case-accepted.json",
            "case-note-added.json",
            "case-transferred.json",
            "case-resolved.json",
            "case-reopened.json",
            "case-merged.json",
            "case-reopen-requested.json",
            "follow-up-reminder-issued.json",
            "case-escalated.json",
            "customer-feedback-recorded.json",
            "on-duty-alerted.json"})
    void whenASampleIsReadAsItsTypeThenEveryFieldSurvivesARoundTrip(String sample) throws IOException {
        String json = sample(sample);
        String type = mapper.readTree(json).get("type").asString();

        Class<?> payload = EventTypes.payloadOf(type).orElseThrow();
        JavaType envelopeType = mapper.getTypeFactory().constructParametricType(EventEnvelope.class, payload);
        EventEnvelope<?> envelope = mapper.readValue(json, envelopeType);

        assertThat(envelope.data()).isInstanceOf(payload);
        assertThat(EventTypes.nameOf(envelope.data())).isEqualTo(type);
        JsonNode written = mapper.readTree(mapper.writeValueAsString(envelope));
        assertThat(written).isEqualTo(mapper.readTree(json));
        assertThat(written.get("key").asString()).isEqualTo(written.get("data").get("caseId").asString());
    }

    @Test
    void whenACaseIsRoutedThenItsChineseTextAndDeadlinesArriveIntact() throws IOException {
        JavaType type = mapper.getTypeFactory().constructParametricType(EventEnvelope.class, CaseRouted.class);
        EventEnvelope<CaseRouted> envelope = mapper.readValue(sample("case-routed.json"), type);

        CaseRouted routed = envelope.data();
        assertThat(routed.matter()).isEqualTo("卫生间天花板漏水");
        assertThat(routed.priority()).isEqualTo(Priority.URGENT);
        assertThat(routed.deadlines().firstResponseDue()).isBefore(routed.deadlines().resolutionDue());
        assertThat(routed.customer()).hasToString("CaseCustomer[masked]");
        assertThat(routed.reasons()).first().asString().startsWith("ENGINEERING by rule safety-engineering v1");
        assertThat(routed.reasons()).contains("URGENT 天花板漏水 [water-through-ceiling]: 漏水 + 天花板");
        assertThat(routed.deadlines().calendarId()).isEqualTo("24X7");
        assertThat(routed.deadlines().firstResponseWorkingMinutes()).isEqualTo(15);
        assertThat(routed.onDutyStaffId()).isEqualTo("ENG-DUTY-01");
    }

    @Test
    void whenARecordFromBeforeCalendarsWereNamedIsReadThenItsDeadlinesCountInMinutesFromTheHours() throws IOException {
        JavaType type = mapper.getTypeFactory().constructParametricType(EventEnvelope.class, CaseReopened.class);
        EventEnvelope<CaseReopened> envelope = mapper.readValue(sample("case-reopened.json"), type);

        assertThat(envelope.data().deadlines().calendarId()).isNull();
        assertThat(envelope.data().deadlines().firstResponseWorkingMinutes()).isEqualTo(60);
        assertThat(envelope.data().deadlines().resolutionWorkingMinutes()).isEqualTo(480);
        assertThat(envelope.data().onDutyStaffId()).isNull();
    }

    @Test
    void whenACaseRoutedOfTheEarlierShapeArrivesThenItReadsWithoutReasons() throws IOException {
        JsonNode sample = mapper.readTree(sample("case-routed.json"));
        ((tools.jackson.databind.node.ObjectNode) sample.get("data")).remove("reasons");
        String earlier = mapper.writeValueAsString(sample);
        JavaType type = mapper.getTypeFactory().constructParametricType(EventEnvelope.class, CaseRouted.class);
        EventEnvelope<CaseRouted> envelope = mapper.readValue(earlier, type);

        assertThat(earlier).doesNotContain("reasons");
        assertThat(envelope.data().reasons()).isNull();
        assertThat(mapper.writeValueAsString(envelope.data())).doesNotContain("reasons");
    }

    @Test
    void whenAReopenRequestNamesTheResolutionItAnswersThenAnOlderRecordWithoutItStillReads() throws IOException {
        JavaType type = mapper.getTypeFactory().constructParametricType(EventEnvelope.class,
                CaseReopenRequested.class);
        EventEnvelope<CaseReopenRequested> current = mapper.readValue(sample("case-reopen-requested.json"), type);
        assertThat(current.data().resolvedSequence()).isEqualTo(6L);
        assertThat(current.data().callbackId()).endsWith("." + current.data().resolvedSequence() + ".1");

        ObjectNode older = (ObjectNode) mapper.readTree(sample("case-reopen-requested.json"));
        ((ObjectNode) older.get("data")).remove("resolvedSequence");
        EventEnvelope<CaseReopenRequested> read = mapper.readValue(mapper.writeValueAsString(older), type);
        assertThat(read.data().resolvedSequence()).isNull();
        assertThat(read.data().satisfaction()).isEqualTo(2);
    }

    @Test
    void whenADepartmentTopicIsNamedThenItIsDerivedFromTheDepartmentCode() {
        assertThat(Topics.departmentCases("PROPERTY_MANAGEMENT")).isEqualTo("cases.dept.property-management");
        assertThat(Topics.departmentCases("ENGINEERING")).isEqualTo("cases.dept.engineering");
    }

    @Test
    void whenPriorityIsRaisedThenItClimbsOneStepAndStopsAtUrgent() {
        assertThat(Priority.NORMAL.raised()).isEqualTo(Priority.HIGH);
        assertThat(Priority.HIGH.raised()).isEqualTo(Priority.URGENT);
        assertThat(Priority.URGENT.raised()).isEqualTo(Priority.URGENT);
        assertThat(new CaseCustomer("李娜", "021-58881234").toString()).doesNotContain("李娜");
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = CaseEventContractTests.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
