package com.caseflow.intake.contacts.application;

import com.caseflow.events.contact.Channel;
import com.caseflow.intake.contacts.domain.Contact;
import com.caseflow.intake.contacts.persistence.ContactStore;
import com.caseflow.support.outbox.Outbox;
import com.caseflow.support.outbox.OutboxEntry;
import com.caseflow.support.outbox.OutboxProperties;
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
    private ContactRecorder recorder;

    @BeforeEach
    void setUp() {
        JsonMapper json = JsonMapper.builder().build();
        ContactEvents events = new ContactEvents(new Outbox(json, new OutboxProperties(null, 0, null, null, null, null),
                CLOCK));
        recorder = new ContactRecorder(store, events, projects,
                Validation.buildDefaultValidatorFactory().getValidator(), json, CLOCK, meters);
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
        assertThat(meters.counter("caseflow.calls.answered", "within_three_rings", "false").count()).isEqualTo(1);
    }

    @Test
    void whenEverythingIsWrongThenEveryFieldIsNamedAndNothingIsStored() {
        RecordCall bad = new RecordCall("昨天", null, 0, "", "110", "VIP", "无此项目", null, "",
                "漏水", null, true);

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
                "3栋2单元1201", "卫生间天花板漏水", "REPAIR", false, true);
    }

    private static RecordVisit visit(String arrivedAt, String greetedAt) {
        return new RecordVisit(arrivedAt, greetedAt, "李娜", null, "业主委员会", "021 5888 1234", "SH-LJY", null,
                "咨询交房时间", "交付部 陈经理", "HANDOVER", null);
    }
}
