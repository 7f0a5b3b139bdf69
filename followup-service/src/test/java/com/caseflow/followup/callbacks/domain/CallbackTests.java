package com.caseflow.followup.callbacks.domain;

import com.caseflow.events.cases.CaseCustomer;
import com.caseflow.events.followup.CaseReopenRequested;
import com.caseflow.events.followup.CustomerFeedbackRecorded;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackTests {

    private static final CallbackPolicy POLICY = new CallbackPolicy(3, 2);
    private static final Instant RESOLVED = Instant.parse("2026-12-01T02:00:00Z");
    private static final Instant DUE = Instant.parse("2026-12-03T02:00:00Z");

    private static Callback queued() {
        return new Callback(Callback.idFor("case-1", 5, 1), "case-1", 5, "contact-1", "A001",
                new CaseCustomer("李娜", "13812345678"), "ENGINEERING", "SH-LJY", "卫生间天花板漏水", "已修复",
                RESOLVED, DUE, DUE, CallbackStatus.QUEUED, List.of(), null);
    }

    @Test
    void whenTheCustomerIsNotReachedThenTheCallbackStaysQueuedForTheNextTryUntilTheLastAttempt() {
        Callback callback = queued();
        Instant retry = Instant.parse("2026-12-01T04:00:00Z");

        List<Object> first = callback.record(CallbackOutcome.notReached("无人接听"), "D-CS-01", null, RESOLVED, retry, POLICY);
        assertThat(callback.status()).isEqualTo(CallbackStatus.QUEUED);
        assertThat(callback.nextAttemptAt()).isEqualTo(retry);
        assertThat(first).singleElement().isInstanceOfSatisfying(CustomerFeedbackRecorded.class, f -> {
            assertThat(f.reached()).isFalse();
            assertThat(f.attempt()).isEqualTo(1);
            assertThat(f.finalAttempt()).isFalse();
            assertThat(f.agentId()).isEqualTo("A001");
        });

        callback.record(CallbackOutcome.notReached(null), "D-CS-01", null, retry, retry.plusSeconds(7200), POLICY);
        List<Object> last = callback.record(CallbackOutcome.notReached("关机"), "D-CS-01", null, retry.plusSeconds(7200),
                retry.plusSeconds(14400), POLICY);

        assertThat(callback.status()).isEqualTo(CallbackStatus.UNREACHED);
        assertThat(callback.nextAttemptAt()).isNull();
        assertThat(last).singleElement().isInstanceOfSatisfying(CustomerFeedbackRecorded.class,
                f -> assertThat(f.finalAttempt()).isTrue());
        assertThatThrownBy(() -> callback.record(CallbackOutcome.reached(5, true, null), "D-CS-01", null, DUE, DUE, POLICY))
                .isInstanceOf(CallbackClosedException.class);
    }

    @Test
    void whenTheCustomerIsSatisfiedThenOnlyTheFeedbackIsAnnounced() {
        Callback callback = queued();

        List<Object> events = callback.record(CallbackOutcome.reached(4, true, "师傅很专业"), "D-CS-01", null, RESOLVED,
                DUE, POLICY);

        assertThat(callback.status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(events).singleElement().isInstanceOfSatisfying(CustomerFeedbackRecorded.class, f -> {
            assertThat(f.satisfaction()).isEqualTo(4);
            assertThat(f.resolvedInCustomerView()).isTrue();
            assertThat(f.comment()).isEqualTo("师傅很专业");
        });
    }

    @Test
    void whenTheCustomerIsDissatisfiedOrSaysItIsNotResolvedThenTheCaseIsAskedToReopen() {
        Callback dissatisfied = queued();
        List<Object> low = dissatisfied.record(CallbackOutcome.reached(2, true, "态度不好"), "D-CS-01", null, RESOLVED, DUE,
                POLICY);
        assertThat(low).hasSize(2).last().isInstanceOfSatisfying(CaseReopenRequested.class, r -> {
            assertThat(r.caseId()).isEqualTo("case-1");
            assertThat(r.satisfaction()).isEqualTo(2);
            assertThat(r.callbackId()).isEqualTo("case-1.5.1");
            assertThat(r.resolvedSequence()).as("the resolution it answers").isEqualTo(5L);
        });

        Callback unresolved = queued();
        List<Object> notResolved = unresolved.record(CallbackOutcome.reached(3, false, "还在漏"), "D-CS-01", null, RESOLVED,
                DUE, POLICY);
        assertThat(notResolved).last().isInstanceOfSatisfying(CaseReopenRequested.class,
                r -> assertThat(r.resolvedInCustomerView()).isFalse());

        Callback satisfiedEnough = queued();
        assertThat(satisfiedEnough.record(CallbackOutcome.reached(3, true, null), "D-CS-01", null, RESOLVED, DUE, POLICY))
                .hasSize(1);
    }

    @Test
    void whenFollowUpsClockDisagreesWithRoutingsByDaysThenTheRequestStillNamesTheResolutionItAnswers() {
        for (Instant followUpNow : List.of(RESOLVED.minus(Duration.ofDays(3)), RESOLVED.plus(Duration.ofDays(9)))) {
            List<Object> events = queued().record(CallbackOutcome.reached(1, false, "还在漏"), "D-CS-01", null,
                    followUpNow, followUpNow, POLICY);

            assertThat(events).last().isInstanceOfSatisfying(CaseReopenRequested.class, r -> {
                assertThat(r.resolvedSequence()).isEqualTo(5L);
                assertThat(r.requestedAt()).isEqualTo(followUpNow);
            });
        }
    }

    @Test
    void whenTheCaseIsReopenedBeforeTheCallThenTheCallbackIsWithdrawnAndCannotBeRecorded() {
        Callback callback = queued();

        assertThat(callback.supersede(RESOLVED)).isTrue();
        assertThat(callback.status()).isEqualTo(CallbackStatus.SUPERSEDED);
        assertThat(callback.supersede(RESOLVED)).isFalse();
        assertThatThrownBy(() -> callback.record(CallbackOutcome.notReached(null), "D-CS-01", null, DUE, DUE, POLICY))
                .isInstanceOf(CallbackClosedException.class);
    }
}
