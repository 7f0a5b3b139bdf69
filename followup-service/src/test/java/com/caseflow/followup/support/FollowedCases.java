package com.caseflow.followup.support;

import com.caseflow.followup.timers.domain.WorkingTime;
import com.caseflow.followup.timers.persistence.FollowUpStore;

import java.time.Duration;
import java.time.Instant;

import static org.awaitility.Awaitility.await;

/** Routes cases into the running service through the real broker and waits until it follows them. */
public final class FollowedCases {

    private final CaseLog cases;
    private final FollowUpStore store;
    private final WorkingTime time;

    public FollowedCases(CaseLog cases, FollowUpStore store, WorkingTime time) {
        this.cases = cases;
        this.store = store;
        this.time = time;
    }

    /** A case routed to {@code department} now, with the given deadlines in business hours. */
    public String routedNow(String department, int firstResponseHours, int resolutionHours) {
        String caseId = Cases.newCaseId();
        Instant now = TestClock.CLOCK.instant();
        cases.publish(caseId, Cases.routed(caseId, department, now, firstResponseHours, resolutionHours, time));
        await().atMost(Duration.ofSeconds(90)).until(() -> store.find(caseId).isPresent());
        return caseId;
    }

    /** A case routed, accepted and resolved now; waits until its callbacks are queued. */
    public String resolvedNow() {
        String caseId = routedNow("ENGINEERING", 2, 8);
        Instant now = TestClock.CLOCK.instant();
        cases.publish(caseId, Cases.accepted(caseId, 2, "ENGINEERING", "D-ENG-01", now));
        cases.publish(caseId, Cases.resolved(caseId, 3, "ENGINEERING", now));
        await().atMost(Duration.ofSeconds(90)).until(() -> store.find(caseId).orElseThrow().state().sequence() == 3);
        return caseId;
    }

    /** The time a case's next timer is due. */
    public Instant nextTimer(String caseId) {
        return store.find(caseId).orElseThrow().state().nextDueAt().orElseThrow();
    }
}
