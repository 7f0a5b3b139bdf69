package com.caseflow.intake.calls.domain;

import com.caseflow.events.call.CallAbandoned;
import com.caseflow.events.call.CallAnswered;
import com.caseflow.events.call.CallEnded;
import com.caseflow.events.call.CallOffered;
import com.caseflow.events.call.CallRinging;
import com.caseflow.events.call.CallTransferred;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallTests {

    private static final Instant T0 = Instant.parse("2026-12-05T02:00:00Z");

    private final List<Object> facts = new ArrayList<>();
    private Call call;

    private void on(PhoneEventType type, String agent, long second) {
        on(type, agent, null, second, null);
    }

    private void on(PhoneEventType type, String agent, String toAgent, long second, String recording) {
        PhoneEvent event = new PhoneEvent("e" + facts.size() + type, type, "C-1", "400-820-8820", "13812345678",
                agent, toAgent, T0.plusSeconds(second), recording);
        Call.Applied applied = call == null ? Call.offered(event) : call.apply(event);
        call = applied.call();
        facts.addAll(applied.facts());
    }

    private List<Class<?>> kinds() {
        return facts.stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void whenACallIsAnsweredThenItIsOfferedRingsIsAnsweredAndEnds() {
        on(PhoneEventType.QUEUED, null, 0);
        on(PhoneEventType.RINGING, "A001", 2);
        on(PhoneEventType.ANSWERED, "A001", 9);
        on(PhoneEventType.ENDED, "A001", null, 100, "https://rec/1");

        assertThat(kinds()).containsExactly(CallOffered.class, CallRinging.class, CallAnswered.class, CallEnded.class);
        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(call.measuredFor("A001")).contains(new Call.MeasuredTimes(T0.plusSeconds(2), T0.plusSeconds(9)));
        assertThat(call.recordingUrl()).isEqualTo("https://rec/1");
    }

    @Test
    void whenTheFirstEventIsNotQueuedThenTheCallIsStillOfferedOnceAtThatTime() {
        on(PhoneEventType.RINGING, "A001", 5);
        on(PhoneEventType.QUEUED, null, 0);

        assertThat(kinds()).containsExactly(CallOffered.class, CallRinging.class);
        assertThat(((CallOffered) facts.get(0)).offeredAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void whenRingingArrivesAfterTheAnswerThenTheStateStaysAnsweredAndTheRingCountsForTheMeasure() {
        on(PhoneEventType.ANSWERED, "A001", 9);
        on(PhoneEventType.RINGING, "A001", 3);

        assertThat(call.state()).isEqualTo(CallState.ANSWERED);
        assertThat(call.ringStartedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(call.measuredFor("A001")).contains(new Call.MeasuredTimes(T0.plusSeconds(3), T0.plusSeconds(9)));
        assertThat(call.measuredFor("A002")).isEmpty();
    }

    @Test
    void whenTheEndWithAnAgentArrivesBeforeTheAnswerThenNothingIsAbandonedAndTheEndStands() {
        on(PhoneEventType.ENDED, "A001", 120);
        on(PhoneEventType.ANSWERED, "A001", 9);

        assertThat(kinds()).containsExactly(CallOffered.class, CallEnded.class, CallAnswered.class);
        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(call.answeredAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(call.agentId()).isEqualTo("A001");
    }

    @Test
    void whenACallEndsUnansweredThenOneCallAbandonedHoweverManyEndsAndAbandonsFollow() {
        on(PhoneEventType.QUEUED, null, 0);
        on(PhoneEventType.RINGING, "A002", 1);
        on(PhoneEventType.ENDED, null, 30);
        on(PhoneEventType.ABANDONED, null, 30);
        on(PhoneEventType.ENDED, null, 31);

        assertThat(kinds()).containsExactly(CallOffered.class, CallRinging.class, CallAbandoned.class,
                CallEnded.class);
        CallAbandoned missed = (CallAbandoned) facts.get(2);
        assertThat(missed.lastAgentId()).isEqualTo("A002");
        assertThat(missed.abandonedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(call.state()).isEqualTo(CallState.ABANDONED);
    }

    @Test
    void whenAnAnswerComesAfterTheCallWasAnnouncedAsMissedThenItIsNotAnnounced() {
        on(PhoneEventType.ABANDONED, null, 20);
        on(PhoneEventType.ANSWERED, "A001", 9);

        assertThat(kinds()).containsExactly(CallOffered.class, CallAbandoned.class);
        assertThat(call.state()).isEqualTo(CallState.ABANDONED);
    }

    @Test
    void whenAnAnsweredCallIsAbandonedLateThenTheAnswerStands() {
        on(PhoneEventType.ANSWERED, "A001", 9);
        on(PhoneEventType.ABANDONED, null, 20);

        assertThat(kinds()).containsExactly(CallOffered.class, CallAnswered.class);
        assertThat(call.state()).isEqualTo(CallState.ANSWERED);
    }

    @Test
    void whenTheCallIsTransferredThenTheColleagueHasItAndMayReadIt() {
        on(PhoneEventType.RINGING, "A001", 1);
        on(PhoneEventType.ANSWERED, "A001", 4);
        on(PhoneEventType.TRANSFERRED, "A001", "A002", 60, null);

        assertThat(kinds()).endsWith(CallTransferred.class);
        assertThat(call.agentId()).isEqualTo("A002");
        assertThat(call.state()).isEqualTo(CallState.ANSWERED);
        assertThat(call.reached("A002")).isTrue();
        assertThat(call.reached("A003")).isFalse();
        assertThat(call.measuredFor("A002")).isEmpty();
    }
}
