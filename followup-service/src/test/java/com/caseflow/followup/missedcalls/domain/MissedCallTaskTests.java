package com.caseflow.followup.missedcalls.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MissedCallTaskTests {

    private static final Instant MISSED = Instant.parse("2026-12-01T02:00:00Z");
    private static final Instant DUE = MISSED.plus(Duration.ofMinutes(30));

    private static MissedCallTask open() {
        return MissedCallTask.open("C-1", "400-820-8820", "13812345678", MISSED, DUE);
    }

    @Test
    void whenTheSameNumberMissesAgainThenTheCallJoinsOnceAndTheDueTimeStays() {
        MissedCallTask joined = open().join("C-2", MISSED.plusSeconds(300));

        assertThat(joined.calls()).isEqualTo(2);
        assertThat(joined.callIds()).containsExactly("C-1", "C-2");
        assertThat(joined.lastMissedAt()).isEqualTo(MISSED.plusSeconds(300));
        assertThat(joined.dueAt()).isEqualTo(DUE);
        assertThat(joined.join("C-2", MISSED.plusSeconds(300))).isNull();
        assertThat(joined.join("C-1", MISSED)).isNull();
    }

    @Test
    void whenACallArrivesOutOfOrderThenFirstAndLastStayTheEarliestAndLatest() {
        MissedCallTask joined = open().join("C-0", MISSED.minusSeconds(60));

        assertThat(joined.firstMissedAt()).isEqualTo(MISSED.minusSeconds(60));
        assertThat(joined.lastMissedAt()).isEqualTo(MISSED);
    }

    @Test
    void whenTheCallerIsAnsweredAfterTheLastMissThenTheTaskClosesAsCalledAgainButNotForAnEarlierAnswer() {
        assertThat(open().calledAgain("A002", MISSED.minusSeconds(1))).isNull();
        assertThat(open().calledAgain("A002", MISSED)).isNull();

        MissedCallTask closed = open().calledAgain("A002", MISSED.plusSeconds(60));
        assertThat(closed.status()).isEqualTo(TaskStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo(TaskOutcome.CALLED_AGAIN);
        assertThat(closed.closedBy()).isEqualTo("A002");
        assertThat(closed.calledAgain("A003", MISSED.plusSeconds(120))).isNull();
        assertThat(closed.join("C-9", MISSED.plusSeconds(120))).isNull();
    }

    @Test
    void whenNobodyAnswersUpToTheLimitThenTheTaskClosesAsUnreachable() {
        MissedCallTask task = open();
        for (int i = 1; i < 3; i++) {
            task = task.attempt(AttemptOutcome.NO_ANSWER, null, null, "A001", MISSED.plusSeconds(i * 600L), 3);
            assertThat(task.isOpen()).isTrue();
        }
        task = task.attempt(AttemptOutcome.NO_ANSWER, "关机", null, "A001", MISSED.plusSeconds(1800), 3);

        assertThat(task.status()).isEqualTo(TaskStatus.CLOSED);
        assertThat(task.outcome()).isEqualTo(TaskOutcome.UNREACHABLE);
        assertThat(task.attempts()).hasSize(3);
        MissedCallTask closed = task;
        assertThatExceptionOfType(TaskClosedException.class).isThrownBy(() -> closed.attempt(AttemptOutcome.REACHED,
                null, null, "A001", MISSED.plusSeconds(2400), 3));
    }

    @Test
    void whenTheCallerIsReachedOrTheNumberIsWrongThenTheTaskClosesWithThatOutcome() {
        MissedCallTask reached = open().attempt(AttemptOutcome.REACHED, "已解答", "CT-1", "D-CS-01", DUE, 3);
        assertThat(reached.outcome()).isEqualTo(TaskOutcome.REACHED);
        assertThat(reached.note()).isEqualTo("已解答");
        assertThat(reached.attempts().get(0).contactId()).isEqualTo("CT-1");

        assertThat(open().attempt(AttemptOutcome.WRONG_NUMBER, null, null, "A001", DUE, 3).outcome())
                .isEqualTo(TaskOutcome.WRONG_NUMBER);
    }

    @Test
    void whenTheDueTimePassesThenAnOpenTaskIsOverdueAndAClosedOneIsNot() {
        assertThat(open().overdue(DUE)).isFalse();
        assertThat(open().overdue(DUE.plusSeconds(1))).isTrue();
        assertThat(open().attempt(AttemptOutcome.REACHED, null, null, "A001", DUE, 3).overdue(DUE.plusSeconds(1)))
                .isFalse();
    }
}
