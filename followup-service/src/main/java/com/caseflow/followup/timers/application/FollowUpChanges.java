package com.caseflow.followup.timers.application;

import com.caseflow.followup.timers.domain.FollowedCase;
import com.caseflow.followup.timers.persistence.FollowUpStore;
import com.caseflow.followup.timers.persistence.VersionedFollowUp;
import com.caseflow.support.outbox.OutboxEntry;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Read, change, write with optimistic locking: when another thread or instance wrote the case in between, the change
 * runs again on what it wrote. That is what makes a timer fire once with two instances sweeping the same cases.
 */
@Component
class FollowUpChanges {

    private static final int ATTEMPTS = 8;

    private final FollowUpStore store;

    FollowUpChanges(FollowUpStore store) {
        this.store = store;
    }

    /**
     * Applies {@code change} to the case and stores it with the outbox entries it returns; a change that returns
     * null had nothing to do and writes nothing. Empty when the case is unknown.
     */
    Optional<FollowedCase> change(String caseId, Function<FollowedCase, List<OutboxEntry>> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<VersionedFollowUp> found = store.find(caseId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            FollowedCase state = found.get().state();
            FollowedCase.Stored stored = state.stored();
            List<OutboxEntry> entries = change.apply(state);
            if (entries == null) {
                return Optional.of(state);
            }
            try {
                store.update(state, found.get().version(), stored, entries);
                return Optional.of(state);
            } catch (OptimisticLockingFailureException lost) {
                if (attempt >= ATTEMPTS) {
                    throw lost;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a follow-up change", e);
        }
    }
}
