package com.caseflow.evaluation.evaluations.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionTests {

    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    private static Decision decide(Decision.Request request, Outcome recommended, Decision previous) {
        return Decision.decide(request, 3, recommended, false, previous, "M001", NOW);
    }

    @Test
    void whenAManagerConfirmsThenTheRecommendationIsTheOutcomeAndASecondConfirmationIsRefused() {
        Decision confirmed = decide(new Decision.Request(Decision.Kind.CONFIRMED, null, null), Outcome.WARNING, null);

        assertThat(confirmed.outcome()).isEqualTo(Outcome.WARNING);
        assertThat(confirmed.sequence()).isEqualTo(1);
        assertThat(confirmed.evaluationRevision()).isEqualTo(3);
        assertThatThrownBy(() -> decide(new Decision.Request(Decision.Kind.CONFIRMED, null, null), Outcome.WARNING,
                confirmed)).isInstanceOf(Decision.RefusedException.class).hasMessageContaining("OVERRIDDEN");
    }

    @Test
    void whenAManagerOverridesThenTheOutcomeChangesAndAnOverrideMayReplaceAnEarlierDecision() {
        Decision confirmed = decide(new Decision.Request(Decision.Kind.CONFIRMED, null, null), Outcome.COMMENDATION,
                null);

        Decision overridden = decide(new Decision.Request(Decision.Kind.OVERRIDDEN, Outcome.NONE, "客户投诉待查"),
                Outcome.COMMENDATION, confirmed);

        assertThat(overridden.outcome()).isEqualTo(Outcome.NONE);
        assertThat(overridden.recommended()).isEqualTo(Outcome.COMMENDATION);
        assertThat(overridden.sequence()).isEqualTo(2);
        assertThatThrownBy(() -> decide(new Decision.Request(Decision.Kind.OVERRIDDEN, Outcome.NONE, "再次"),
                Outcome.COMMENDATION, overridden)).isInstanceOf(Decision.BadFieldException.class)
                .extracting(e -> ((Decision.BadFieldException) e).field()).isEqualTo("outcome");
    }

    @Test
    void whenThereIsNothingToDecideThenTheDecisionIsRefused() {
        Decision.Request confirm = new Decision.Request(Decision.Kind.CONFIRMED, null, null);

        assertThatThrownBy(() -> decide(confirm, Outcome.TRAINING, null)).isInstanceOf(Decision.RefusedException.class);
        assertThatThrownBy(() -> decide(confirm, Outcome.NONE, null)).isInstanceOf(Decision.RefusedException.class);
        assertThatThrownBy(() -> Decision.decide(confirm, 1, Outcome.WARNING, true, null, "M001", NOW))
                .isInstanceOf(Decision.RefusedException.class).hasMessageContaining("provisional");
        assertThatThrownBy(() -> decide(new Decision.Request(Decision.Kind.CONFIRMED, Outcome.NONE, null),
                Outcome.WARNING, null)).isInstanceOf(Decision.BadFieldException.class);
    }
}
