package com.caseflow.evaluation.aggregates.domain;

import com.caseflow.events.call.CallAbandoned;
import com.caseflow.events.call.CallAnswered;
import com.caseflow.events.call.CallOffered;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.Channel;
import com.caseflow.events.contact.ContactCategory;
import com.caseflow.events.contact.ContactReceived;
import com.caseflow.events.contact.TimingSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static com.caseflow.evaluation.support.TestEvents.SHANGHAI;
import static com.caseflow.evaluation.support.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The call centre's measures from call facts, folded without a store, against figures worked out by hand. */
class CallMeasuresTests {

    private final Folding folding = new Folding(SHANGHAI, (calendar, from, to) -> Duration.between(from, to));

    @Test
    void whenAnHourOfCallsIsFoldedThenServiceLevelSpeedOfAnswerAndAbandonmentAreExact() {
        // 5 offered at 10:xx: answered after 5 s, 15 s (still in time), 16 s and 40 s; one abandoned
        Instant t = at("2026-12-05T10:00");
        HotlineHour hour = HotlineHour.NONE;
        long[] speeds = {5, 15, 16, 40};
        for (int i = 0; i < 5; i++) {
            Folding.Folded offered = folding.offered(new CallOffered("C" + i, "400", null, t.plusSeconds(60L * i)));
            hour = hour.plus(offered.hotlines().get(0).add());
            assertThat(offered.hotlines().get(0).hour()).isEqualTo(10);
            assertThat(offered.hotlines().get(0).day()).isEqualTo(LocalDate.parse("2026-12-05"));
        }
        for (int i = 0; i < 4; i++) {
            Instant offeredAt = t.plusSeconds(60L * i);
            hour = hour.plus(folding.answeredOnHotline(new CallAnswered("C" + i, "400", null, "A1", offeredAt,
                    offeredAt.plusSeconds(1), offeredAt.plusSeconds(speeds[i]))).hotlines().get(0).add());
        }
        hour = hour.plus(folding.abandoned(new CallAbandoned("C4", "400", null, t.plusSeconds(240),
                t.plusSeconds(300), null, null)).hotlines().get(0).add());

        Kpis.CallMeasures m = Kpis.of(hour);
        assertThat(m.offered()).isEqualTo(5);
        assertThat(m.answered()).isEqualTo(4);
        assertThat(m.abandoned()).isEqualTo(1);
        assertThat(m.answeredInTime()).isEqualTo(2);
        assertThat(m.serviceLevel()).isEqualTo(2.0 / 5);
        assertThat(m.averageSpeedOfAnswerSeconds()).isCloseTo((5 + 15 + 16 + 40) / 4.0, within(1e-9));
        assertThat(m.abandonmentRate()).isEqualTo(1.0 / 5);
    }

    @Test
    void whenACallIsOfferedJustBeforeMidnightInShanghaiThenItCountsInThatHourAndDay() {
        Folding.HotlineDelta d = folding.offered(new CallOffered("C", "400", null, Instant.parse("2026-12-05T15:59:59Z")))
                .hotlines().get(0);
        assertThat(d.day()).isEqualTo(LocalDate.parse("2026-12-05"));
        assertThat(d.hour()).isEqualTo(23);
    }

    @Test
    void whenTheAgentHasMeasuredCallsThenTheThreeRingKpiIsMeasuredOtherwiseReportedAndTheSharesAreShown() {
        Instant t = at("2026-12-05T10:00");
        // three rings at A1: answered 15 s after the ring started (in), 16 s after (out), one not answered
        AgentDay day = AgentDay.NONE;
        for (int i = 0; i < 3; i++) {
            day = day.plus(folding.rang("A1", t, t).agents().get(0).add());
        }
        day = day.plus(folding.answeredByAgent(new CallAnswered("C0", "400", null, "A1", t.minusSeconds(20), t,
                t.plusSeconds(15))).agents().get(0).add());
        day = day.plus(folding.answeredByAgent(new CallAnswered("C1", "400", null, "A1", t, t, t.plusSeconds(16)))
                .agents().get(0).add());
        day = day.plus(folding.abandoned(new CallAbandoned("C2", "400", null, t, t.plusSeconds(30), "A1", t))
                .agents().get(0).add());
        // the agent's contacts: one measured, one typed (old constructor: self-reported), both reported in time
        day = day.plus(folding.contact(contact(TimingSource.MEASURED, t)).agents().get(0).add());
        day = day.plus(folding.contact(contact(null, t)).agents().get(0).add());

        Kpis.AgentKpis measured = Kpis.of(day);
        assertThat(measured.threeRingsSource()).isEqualTo(TimingSource.MEASURED);
        assertThat(measured.answerWithinThreeRingsRate()).isEqualTo(1.0 / 3);
        assertThat(measured.reportedThreeRingsRate()).isEqualTo(1.0);
        assertThat(measured.measuredTimingShare()).isEqualTo(0.5);
        assertThat(measured.selfReportedTimingShare()).isEqualTo(0.5);
        assertThat(measured.calls().offered()).isEqualTo(3);
        assertThat(measured.calls().answered()).isEqualTo(2);
        assertThat(measured.calls().abandoned()).isEqualTo(1);
        // speed of answer from the offer: 35 s and 16 s, neither within 15 s
        assertThat(measured.calls().answeredInTime()).isZero();
        assertThat(measured.calls().averageSpeedOfAnswerSeconds()).isEqualTo(25.5);

        AgentDay typedOnly = folding.contact(contact(null, t)).agents().get(0).add();
        Kpis.AgentKpis reported = Kpis.of(typedOnly);
        assertThat(reported.threeRingsSource()).isEqualTo(TimingSource.SELF_REPORTED);
        assertThat(reported.answerWithinThreeRingsRate()).isEqualTo(1.0);
        assertThat(reported.selfReportedTimingShare()).isEqualTo(1.0);
        assertThat(Kpis.of(AgentDay.NONE).threeRingsSource()).isNull();
    }

    private static ContactReceived contact(TimingSource timing, Instant t) {
        if (timing == null) {
            return new ContactReceived("c-typed", Channel.PHONE, "A1", t, t, t.plusSeconds(5), 1, true, true, null,
                    null, null, "王小明", CallerType.OWNER, "13812345678", null, "SH-LJY", null, "咨询",
                    ContactCategory.INQUIRY, true, true);
        }
        return new ContactReceived("c-measured", Channel.PHONE, "A1", t, t, t.plusSeconds(5), 1, true, true, null,
                null, null, "王小明", CallerType.OWNER, "13812345678", null, "SH-LJY", null, "咨询",
                ContactCategory.INQUIRY, true, true, "C0", timing, null);
    }
}
