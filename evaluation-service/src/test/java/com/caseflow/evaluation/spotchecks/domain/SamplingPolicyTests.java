package com.caseflow.evaluation.spotchecks.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplingPolicyTests {

    private static final Instant DUE = Instant.parse("2026-11-03T09:00:00Z");
    private static final SamplingPolicy POLICY = new SamplingPolicy(0.5, SamplingPolicy.DEFAULT_PRIORITY, 2);

    private static ContactFacts contact(String category) {
        return new ContactFacts("C1", "A001", LocalDate.of(2026, 11, 2), "PHONE", "SH-LJY", category, "K1");
    }

    private static CaseFlags flags(boolean escalated, Integer lowest, boolean notResolved, Instant closedAt,
                                   boolean resolvedLate) {
        return new CaseFlags("K1", escalated, lowest, notResolved, DUE, closedAt, resolvedLate);
    }

    @Test
    void whenAContactIsSeveralThingsThenItsStratumIsTheFirstInTheOrderAndAllAreItsReasons() {
        Candidate c = POLICY.classify(contact("COMPLAINT"), flags(true, 1, false, null, false), DUE.plusSeconds(60));

        assertThat(c.stratum()).isEqualTo(Stratum.COMPLAINT);
        assertThat(c.reasons()).containsExactly(Stratum.COMPLAINT, Stratum.LOW_SATISFACTION, Stratum.ESCALATED,
                Stratum.LONG_RUNNING);

        SamplingPolicy escalationsFirst = new SamplingPolicy(0.5, List.of(Stratum.ESCALATED, Stratum.COMPLAINT), 2);
        Candidate again = escalationsFirst.classify(contact("COMPLAINT"), flags(true, 1, false, null, false),
                DUE.plusSeconds(60));
        assertThat(again.stratum()).isEqualTo(Stratum.ESCALATED);
        assertThat(again.reasons()).as("strata left out are not flags").containsExactly(Stratum.ESCALATED,
                Stratum.COMPLAINT);
    }

    @Test
    void whenACaseIsOpenPastItsDeadlineAtTheDrawThenItIsLongRunningAndNotBefore() {
        CaseFlags open = flags(false, null, false, null, false);

        assertThat(POLICY.classify(contact("REPAIR"), open, DUE.plusSeconds(1)).stratum())
                .isEqualTo(Stratum.LONG_RUNNING);
        assertThat(POLICY.classify(contact("REPAIR"), open, DUE.minusSeconds(1)).stratum())
                .isEqualTo(Stratum.ORDINARY);
        assertThat(POLICY.classify(contact("REPAIR"), flags(false, null, false, DUE.minusSeconds(5), false),
                DUE.plusSeconds(3600)).stratum()).as("resolved in time").isEqualTo(Stratum.ORDINARY);
        assertThat(POLICY.classify(contact("REPAIR"), flags(false, null, false, DUE.plusSeconds(5), true),
                DUE.plusSeconds(3600)).stratum()).as("resolved late").isEqualTo(Stratum.LONG_RUNNING);
    }

    @Test
    void whenTheCustomerWasUnhappyThenTheContactIsLowSatisfaction() {
        assertThat(POLICY.classify(contact("REPAIR"), flags(false, 2, false, DUE, false), DUE).stratum())
                .isEqualTo(Stratum.LOW_SATISFACTION);
        assertThat(POLICY.classify(contact("REPAIR"), flags(false, 3, false, DUE, false), DUE).stratum())
                .isEqualTo(Stratum.ORDINARY);
        assertThat(POLICY.classify(contact("REPAIR"), flags(false, 5, true, DUE, false), DUE).stratum())
                .as("said not resolved").isEqualTo(Stratum.LOW_SATISFACTION);
        assertThat(POLICY.classify(contact("INQUIRY"), null, DUE).stratum()).as("no case")
                .isEqualTo(Stratum.ORDINARY);
    }

    @Test
    void whenAContactWasSettledOnTheSpotThenItIsOfTheSettledStratumUnlessAnEarlierOneApplies() {
        ContactFacts settled = new ContactFacts("C2", "A001", LocalDate.of(2026, 11, 2), "PHONE", "SH-LJY", "INQUIRY",
                null, true, "CALL-1", null);
        assertThat(POLICY.classify(settled, null, DUE).stratum()).isEqualTo(Stratum.SETTLED);
        assertThat(POLICY.classify(settled, null, DUE).reasons()).containsExactly(Stratum.SETTLED);

        ContactFacts settledComplaint = new ContactFacts("C3", "A001", LocalDate.of(2026, 11, 2), "PHONE", "SH-LJY",
                "COMPLAINT", null, true, null, null);
        Candidate complaint = POLICY.classify(settledComplaint, null, DUE);
        assertThat(complaint.stratum()).isEqualTo(Stratum.COMPLAINT);
        assertThat(complaint.reasons()).containsExactly(Stratum.COMPLAINT, Stratum.SETTLED);

        SamplingPolicy withoutSettled = new SamplingPolicy(0.5, List.of(Stratum.COMPLAINT), 2);
        assertThat(withoutSettled.classify(settled, null, DUE).stratum()).as("left out: not flagged")
                .isEqualTo(Stratum.ORDINARY);
    }

    @Test
    void whenThePolicyIsMisconfiguredThenItIsRefused() {
        assertThatThrownBy(() -> new SamplingPolicy(1.5, SamplingPolicy.DEFAULT_PRIORITY, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SamplingPolicy(0.5, List.of(Stratum.ORDINARY), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SamplingPolicy(0.5, List.of(Stratum.COMPLAINT, Stratum.COMPLAINT), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
