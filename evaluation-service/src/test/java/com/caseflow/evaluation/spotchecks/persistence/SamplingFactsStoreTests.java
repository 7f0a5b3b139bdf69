package com.caseflow.evaluation.spotchecks.persistence;

import com.caseflow.evaluation.spotchecks.domain.CaseFlags;
import com.caseflow.evaluation.spotchecks.domain.ContactFacts;
import com.caseflow.evaluation.support.EvaluationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The sampling facts on the embedded MongoDB-wire server: redeliveries and any order of topics give the same facts. */
@EvaluationServiceTest
class SamplingFactsStoreTests {

    private static final Instant DUE = Instant.parse("2026-11-03T10:00:00Z");

    @Autowired
    SamplingFactsStore store;

    private CaseFlags flags(String caseId) {
        return store.cases(List.of(caseId)).get(caseId);
    }

    @Test
    void whenCaseEventsAreRedeliveredThenTheCaseOnlyMovesForwards() {
        String caseId = "K-" + UUID.randomUUID();

        store.deadline(caseId, 1, DUE, false);
        store.deadline(caseId, 2, DUE.plusSeconds(3600), false);
        store.closed(caseId, 3, DUE.plusSeconds(7200), true);
        store.deadline(caseId, 2, DUE.plusSeconds(3600), false);
        store.deadline(caseId, 1, DUE, false);

        assertThat(flags(caseId).closedAt()).isEqualTo(DUE.plusSeconds(7200));
        assertThat(flags(caseId).resolutionDue()).as("the stale routing did not move the deadline back")
                .isEqualTo(DUE.plusSeconds(3600));
        assertThat(flags(caseId).resolvedLate()).as("resolved after the deadline of its time").isTrue();

        store.deadline(caseId, 4, DUE.plusSeconds(86_400), true);
        store.closed(caseId, 3, DUE.plusSeconds(7200), true);

        CaseFlags reopened = flags(caseId);
        assertThat(reopened.closedAt()).as("a stale resolution does not close the reopened case").isNull();
        assertThat(reopened.resolutionDue()).isEqualTo(DUE.plusSeconds(86_400));
        assertThat(reopened.resolvedLate()).as("once late, always long-running").isTrue();
    }

    @Test
    void whenACaseIsResolvedInTimeThenItIsNotLongRunning() {
        String caseId = "K-" + UUID.randomUUID();

        store.deadline(caseId, 1, DUE, false);
        store.closed(caseId, 2, DUE.minusSeconds(60), true);

        assertThat(flags(caseId).resolvedLate()).isFalse();
        assertThat(flags(caseId).longRunning(DUE.plusSeconds(86_400))).isFalse();
    }

    @Test
    void whenFollowUpsArriveBeforeTheCaseAndTwiceThenNothingIsLostOrCountedAgain() {
        String caseId = "K-" + UUID.randomUUID();

        store.escalated(caseId);
        store.feedback(caseId, 3, false);
        store.feedback(caseId, 1, true);
        store.feedback(caseId, 4, false);
        store.escalated(caseId);
        store.deadline(caseId, 1, DUE, false);

        CaseFlags flags = flags(caseId);
        assertThat(flags.escalated()).isTrue();
        assertThat(flags.lowestSatisfaction()).isEqualTo(1);
        assertThat(flags.notResolved()).isTrue();
        assertThat(flags.resolutionDue()).isEqualTo(DUE);
        assertThat(flags.closedAt()).isNull();
    }

    @Test
    void whenTheCaseLinkArrivesBeforeTheContactThenTheContactIsDrawableOnlyOnceItsOwnEventArrived() {
        String agent = "A-" + UUID.randomUUID();
        String contactId = "C-" + UUID.randomUUID();
        LocalDate day = LocalDate.of(2031, 1, 6);

        store.linkCase(contactId, "K-1");
        assertThat(store.contacts(day, day, Set.of(agent))).isEmpty();
        assertThat(store.contact(contactId)).get().extracting(ContactFacts::drawable).isEqualTo(false);

        store.contact(new ContactFacts(contactId, agent, day, "VISIT", "SH-LJY", "COMPLAINT", null));
        store.contact(new ContactFacts(contactId, agent, day, "VISIT", "SH-LJY", "COMPLAINT", null));

        assertThat(store.contacts(day, day, Set.of(agent))).containsExactly(
                new ContactFacts(contactId, agent, day, "VISIT", "SH-LJY", "COMPLAINT", "K-1"));
        assertThat(store.contacts(day.plusDays(1), day.plusDays(1), Set.of(agent))).isEmpty();
    }
}
