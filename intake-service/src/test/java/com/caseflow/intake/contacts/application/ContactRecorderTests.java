package com.caseflow.intake.contacts.application;

import com.caseflow.events.contact.Channel;
import com.caseflow.intake.calls.application.CallLog;
import com.caseflow.intake.contacts.domain.Contact;
import com.caseflow.intake.contacts.persistence.ContactStore;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxEntry;
import com.caseflow.support.outbox.OutboxProperties;
import com.caseflow.support.testing.TestKeys;
import com.caseflow.intake.projects.application.ProjectCatalogue;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ContactRecorderTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private final ContactStore store = mock(ContactStore.class);
    private final ProjectCatalogue projects = mock(ProjectCatalogue.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CallLog calls = mock(CallLog.class);
    private ContactRecorder recorder;

    @BeforeEach
    void setUp() {
        JsonMapper json = JsonMapper.builder().build();
        ContactEvents events = new ContactEvents(new Outbox(json, TestKeys.keyring(),
                new OutboxProperties(null, 0, null, null, null, null), CLOCK), TestKeys.customerTokens());
        recorder = new ContactRecorder(store, events, projects,
                Validation.buildDefaultValidatorFactory().getValidator(), json, CLOCK, meters, calls,
                new SettlementProperties(List.of("燃气", "漏电", "曝光", "投诉到"), List.of("燃气费")));
        when(projects.exists(anyString())).thenReturn(false);
        when(projects.exists("SH-LJY")).thenReturn(true);
    }

    @Test
    void whenACallGivesNeitherRingTimesNorRingCountThenRingCountIsNamed() {
        assertThat(problems(call(null, null, null))).containsExactly("ringCount");
    }

    @Test
    void whenACallGivesOnlyTheAnswerTimeThenTheMissingRingStartIsNamed() {
        assertThat(problems(call(null, "2026-11-27T09:15:09+08:00", null))).containsExactly("ringStartedAt");
    }

    @Test
    void whenACallIsAnsweredInTheFutureThenAnsweredAtIsNamed() {
        assertThat(problems(call("2026-11-27T09:59:00+08:00", "2026-11-27T10:30:00+08:00", null)))
                .containsExactly("answeredAt");
    }

    @Test
    void whenTimesAreAbsurdlyOldOrTheRingingTooLongThenTheFieldsAreNamed() {
        assertThat(problems(call("0001-01-01T00:00:00+08:00", "2026-11-27T09:15:09+08:00", null)))
                .containsExactly("ringStartedAt");
        assertThat(problems(call("-999999999-01-01T00:00:00+08:00", "2026-11-27T09:15:09+08:00", null)))
                .containsExactly("ringStartedAt");
        assertThat(problems(call("2026-11-27T09:05:00+08:00", "2026-11-27T09:15:09+08:00", null)))
                .containsExactly("answeredAt");
    }

    @Test
    void whenTimesCarryNoOffsetThenTheyAreReadAsShanghaiTime() {
        Contact contact = stored(recorder.recordCall(call("2026-11-27T09:15:02", "2026-11-27T09:15:09", null),
                "A001", null));

        assertThat(contact.call().ringStartedAt()).isEqualTo(Instant.parse("2026-11-27T01:15:02Z"));
        assertThat(contact.call().ringCount()).isEqualTo(2);
    }

    @Test
    void whenTheTelephonyReportsFourRingsThenTheThreeRingRuleIsBrokenAndCounted() {
        Contact contact = stored(recorder.recordCall(call(null, null, 4), "A001", null));

        assertThat(contact.call().answeredWithinThreeRings()).isFalse();
        assertThat(meters.get("caseflow.calls.answered").tags("within_three_rings", "false", "timing", "SELF_REPORTED")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void whenEverythingIsWrongThenEveryFieldIsNamedAndNothingIsStored() {
        RecordCall bad = new RecordCall("昨天", null, 0, "", "110", "VIP", "无此项目", null, "",
                "漏水", null, true, null);

        assertThat(problems(bad)).containsExactlyInAnyOrder("ringStartedAt", "ringCount", "callerName",
                "phone", "callerType", "projectCode", "matter", "category", "settledOnCall");
        verify(store, never()).insert(any(), any(), any());
    }

    @Test
    void whenTheIdempotencyKeyIsNotPlainAsciiThenItIsNamed() {
        assertThatThrownBy(() -> recorder.recordCall(call(null, null, 2), "A001", "重试一次"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("Idempotency-Key"));
    }

    @Test
    void whenTheSameKeyIsUsedTwiceThenBothAttemptsGetTheSameContactId() {
        String first = recorder.recordCall(call(null, null, 2), "A001", "k-1").contact().id();
        String second = recorder.recordCall(call(null, null, 2), "A001", "k-1").contact().id();
        String otherKey = recorder.recordCall(call(null, null, 2), "A001", "k-2").contact().id();

        assertThat(second).isEqualTo(first);
        assertThat(otherKey).isNotEqualTo(first);
    }

    @Test
    void whenAVisitorIsGreetedBeforeArrivingThenGreetedAtIsNamed() {
        RecordVisit visit = visit("2026-11-27T09:30:00+08:00", "2026-11-27T09:29:00+08:00");

        assertThatThrownBy(() -> recorder.recordVisit(visit, "R002", null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("greetedAt"));
    }

    @Test
    void whenAVisitIsRecordedThenItIsStoredWithItsPendingEvent() {
        Contact contact = stored(recorder.recordVisit(visit("2026-11-27T09:30:00+08:00", null), "R002", null));

        assertThat(contact.channel()).isEqualTo(Channel.VISIT);
        assertThat(contact.phone()).isEqualTo("021-58881234");
        assertThat(contact.customerName()).isEqualTo("李娜");
        assertThat(contact.settledAtFirstContact()).isFalse();
        ArgumentCaptor<OutboxEntry> event = ArgumentCaptor.forClass(OutboxEntry.class);
        verify(store).insert(eq(contact), any(), event.capture());
        assertThat(event.getValue().topics()).containsExactly("contacts");
        assertThat(event.getValue().key()).isEqualTo(contact.id());
        assertThat(event.getValue().type()).isEqualTo("caseflow.contact.received.v1");
    }

    private Contact stored(ContactRecorder.Recorded recorded) {
        ArgumentCaptor<Contact> captor = ArgumentCaptor.forClass(Contact.class);
        verify(store).insert(captor.capture(), anyString(), any());
        assertThat(captor.getValue()).isEqualTo(recorded.contact());
        return captor.getValue();
    }

    private java.util.List<String> problems(RecordCall call) {
        try {
            recorder.recordCall(call, "A001", null);
        } catch (InvalidRequestException e) {
            return e.problems().stream().map(FieldProblem::field).toList();
        }
        throw new AssertionError("expected the call to be rejected");
    }

    private static RecordCall call(String ringStartedAt, String answeredAt, Integer ringCount) {
        return new RecordCall(ringStartedAt, answeredAt, ringCount, "王小明", "13812345678", "OWNER", "SH-LJY",
                "3栋2单元1201", "卫生间天花板漏水", "REPAIR", false, true, null);
    }

    @Test
    void whenAVisitAboutAComplaintIsRecordedAsSettledThenSettledOnVisitIsNamed() {
        RecordVisit settledComplaint = new RecordVisit("2026-11-27T09:30:00+08:00", null, "李娜", null, null,
                "021 5888 1234", "SH-LJY", null, "交房延期，要求赔偿", "交付部 陈经理", "COMPLAINT", true);

        assertThatThrownBy(() -> recorder.recordVisit(settledComplaint, "R002", null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("settledOnVisit"));
    }

    private static RecordCall settled(String category, String matter) {
        return new RecordCall(null, null, 1, "王小明", "13812345678", "OWNER", "SH-LJY", "3栋2单元1201", matter,
                category, true, true, null);
    }

    @Test
    void whenAComplaintIsRecordedAsSettledThenSettledOnCallIsNamedInChinese() {
        InvalidRequestException refused = org.junit.jupiter.api.Assertions.assertThrows(InvalidRequestException.class,
                () -> recorder.recordCall(settled("COMPLAINT", "物业态度差"), "A001", null));

        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("settledOnCall");
            assertThat(p.message()).contains("投诉").contains("当场办结");
        });
        verify(store, never()).insert(any(), any(), any());
    }

    @Test
    void whenASettledMatterNamesADangerOrExposureThenSettledOnCallIsNamed() {
        assertThat(problems(settled("INQUIRY", "闻到燃气味，问怎么办"))).containsExactly("settledOnCall");
        assertThat(problems(settled("REPAIR", "插座漏电"))).containsExactly("settledOnCall");
        assertThat(problems(settled("PROPERTY_MANAGEMENT", "说要投诉到住建局"))).containsExactly("settledOnCall");
        assertThat(problems(settled("INQUIRY", "要找媒体曝 光")))
                .as("spaces typed inside a word do not hide it").containsExactly("settledOnCall");
    }

    @Test
    void whenASettledMatterOnlyMentionsAnOrdinaryPhraseThenItIsRecordedAsSettled() {
        when(store.find(any())).thenReturn(java.util.Optional.empty());

        ContactRecorder.Recorded recorded = recorder.recordCall(settled("PAYMENT", "咨询燃气费怎么交"), "A001", null);

        assertThat(recorded.contact().settledAtFirstContact()).isTrue();
        RecordCall complaintNotSettled = new RecordCall(null, null, 1, "王小明", "13812345678", "OWNER", "SH-LJY",
                "3栋2单元1201", "物业态度差", "COMPLAINT", false, true, null);
        assertThat(recorder.recordCall(complaintNotSettled, "A001", null).contact().settledAtFirstContact())
                .isFalse();
    }

    @Test
    void whenTheCallRangAndWasAnsweredAtTheAgentThenTheMeasuredTimesCountAndTypedOnesAreIgnored() {
        Instant ring = Instant.parse("2026-11-27T01:15:00Z");
        Instant answer = ring.plusMillis(15_400);
        com.caseflow.intake.calls.domain.Call call = answeredCall("C-77", "A001", ring, answer);
        when(calls.reachedAgent("C-77", "A001")).thenReturn(java.util.Optional.of(call));

        RecordCall typed = new RecordCall("2026-11-27T09:15:02+08:00", "2026-11-27T09:15:04+08:00", null, "王小明",
                "13812345678", "OWNER", "SH-LJY", "3栋2单元1201", "卫生间天花板漏水", "REPAIR", false, true, "C-77");
        Contact.CallDetails details = recorder.recordCall(typed, "A001", null).contact().call();

        assertThat(details.timing()).isEqualTo(com.caseflow.events.contact.TimingSource.MEASURED);
        assertThat(details.ringStartedAt()).isEqualTo(ring);
        assertThat(details.answeredAt()).isEqualTo(answer);
        assertThat(details.ringCount()).isEqualTo(4);
        assertThat(details.answeredWithinThreeRings()).isFalse();
        assertThat(details.callId()).isEqualTo("C-77");
    }

    @Test
    void whenTheCallIsUnknownThenTheTypedTimesCountAsSelfReported() {
        when(calls.reachedAgent(any(), any())).thenReturn(java.util.Optional.empty());

        RecordCall typed = new RecordCall("2026-11-27T09:15:02+08:00", "2026-11-27T09:15:04+08:00", null, "王小明",
                "13812345678", "OWNER", "SH-LJY", "3栋2单元1201", "卫生间天花板漏水", "REPAIR", false, true, "C-404");
        Contact.CallDetails details = recorder.recordCall(typed, "A001", null).contact().call();

        assertThat(details.timing()).isEqualTo(com.caseflow.events.contact.TimingSource.SELF_REPORTED);
        assertThat(details.ringCount()).isEqualTo(1);
        assertThat(details.callId()).isEqualTo("C-404");
    }

    @Test
    void whenTheCallIsKnownButNotMeasuredAtThisAgentThenTypedTimesAreStillRequired() {
        Instant ring = Instant.parse("2026-11-27T01:15:00Z");
        when(calls.reachedAgent("C-78", "A001"))
                .thenReturn(java.util.Optional.of(answeredCall("C-78", "A002", ring, ring.plusSeconds(3))));

        RecordCall untimed = new RecordCall(null, null, null, "王小明", "13812345678", "OWNER", "SH-LJY",
                "3栋2单元1201", "卫生间天花板漏水", "REPAIR", false, true, "C-78");

        assertThat(problems(untimed)).containsExactly("ringCount");
    }

    private static com.caseflow.intake.calls.domain.Call answeredCall(String callId, String agent, Instant ring,
                                                                       Instant answer) {
        com.caseflow.intake.calls.domain.Call offered = com.caseflow.intake.calls.domain.Call.offered(
                new com.caseflow.intake.calls.domain.PhoneEvent("e1", com.caseflow.intake.calls.domain.PhoneEventType
                        .RINGING, callId, "400-820-8820", "13812345678", agent, null, ring, null)).call();
        return offered.apply(new com.caseflow.intake.calls.domain.PhoneEvent("e2",
                com.caseflow.intake.calls.domain.PhoneEventType.ANSWERED, callId, "400-820-8820", "13812345678",
                agent, null, answer, null)).call();
    }

    private static RecordVisit visit(String arrivedAt, String greetedAt) {
        return new RecordVisit(arrivedAt, greetedAt, "李娜", null, "业主委员会", "021 5888 1234", "SH-LJY", null,
                "咨询交房时间", "交付部 陈经理", "HANDOVER", null);
    }
}
