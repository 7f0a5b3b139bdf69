package com.caseflow.routing.cases.application;

import com.caseflow.routing.cases.domain.Case;
import com.caseflow.routing.cases.persistence.CaseStore;
import com.caseflow.routing.cases.persistence.VersionedCase;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Applies one step to a case and stores it with the step's events in one write. Used by the consumers: a write that
 * lost a race against another writer is retried on the fresh state, since the step decides again from it.
 */
@Component
public class CaseSteps {

    private static final int ATTEMPTS = 8;

    private final CaseStore cases;
    private final CaseEvents events;
    private final Clock clock;

    public CaseSteps(CaseStore cases, CaseEvents events, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param step the events of the step, empty when there is nothing to do, null when the step cannot be taken
     * @return false when the case does not exist or the step could not be taken
     */
    public boolean change(String caseId, BiFunction<Case, Instant, List<?>> step) {
        for (int attempt = 1; ; attempt++) {
            Optional<VersionedCase> found = cases.find(caseId);
            if (found.isEmpty()) {
                return false;
            }
            Case state = found.get().state();
            long stored = state.sequence();
            Instant now = clock.instant();
            List<?> changes = step.apply(state, now);
            if (changes == null) {
                return false;
            }
            if (changes.isEmpty()) {
                return true;
            }
            try {
                cases.update(state, found.get().version(), stored, events.entries(state, changes, now));
                return true;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    /** Writers that collided on one case (consumer threads on a mass incident) spread out before trying again. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(2, 10L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a case step", e);
        }
    }
}
