package com.caseflow.evaluation.evaluations.domain;

import java.time.Instant;

/**
 * A manager's decision on the outcome an evaluation recommended: the policy recommends, a person decides. The latest
 * decision of an evaluation is the one in force; an earlier one is replaced only by an explicit override.
 *
 * @param sequence           1 for the first decision, then one more per override
 * @param evaluationRevision the evaluation's revision the manager saw
 * @param recommended        what the policy recommended at that revision
 * @param outcome            the outcome decided: the recommendation when confirmed
 */
public record Decision(int sequence, int evaluationRevision, Outcome recommended, Kind kind, Outcome outcome,
                       String reason, String decidedBy, Instant decidedAt) {

    public static final int MAX_REASON = 500;

    public enum Kind {
        CONFIRMED("确认"),
        OVERRIDDEN("改判");

        private final String labelZh;

        Kind(String labelZh) {
            this.labelZh = labelZh;
        }

        public String labelZh() {
            return labelZh;
        }
    }

    /** What a manager asks: {@code outcome} null when confirming. */
    public record Request(Kind kind, Outcome outcome, String reason) {
    }

    /** Why a decision cannot be taken now (not a bad field: the evaluation or an earlier decision stands against it). */
    public static final class RefusedException extends RuntimeException {
        public RefusedException(String message) {
            super(message);
        }
    }

    /** A problem with one field of the request, seen only against the evaluation. */
    public static final class BadFieldException extends RuntimeException {
        private final String field;

        public BadFieldException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * @param recommended what the evaluation recommends now
     * @param provisional whether its period is still running
     * @param previous    the decision in force, null when none
     */
    public static Decision decide(Request request, int evaluationRevision, Outcome recommended, boolean provisional,
                                  Decision previous, String by, Instant at) {
        if (recommended != Outcome.COMMENDATION && recommended != Outcome.WARNING) {
            throw new RefusedException("only a recommended commendation or warning is decided by a manager; this "
                    + "evaluation recommends " + recommended);
        }
        if (provisional) {
            throw new RefusedException("the evaluation is provisional: decide once its period has ended");
        }
        if (previous != null && request.kind() == Kind.CONFIRMED) {
            throw new RefusedException("decided already (" + previous.kind() + " " + previous.outcome() + " by "
                    + previous.decidedBy() + "): only an explicit OVERRIDDEN with a reason replaces a decision");
        }
        Outcome outcome;
        if (request.kind() == Kind.CONFIRMED) {
            if (request.outcome() != null && request.outcome() != recommended) {
                throw new BadFieldException("outcome", "a confirmation keeps the recommended " + recommended
                        + ": leave it out, or decide OVERRIDDEN");
            }
            outcome = recommended;
        } else {
            Outcome inForce = previous == null ? recommended : previous.outcome();
            if (request.outcome() == inForce) {
                throw new BadFieldException("outcome", "the same as the outcome in force (" + inForce
                        + "): an override changes it");
            }
            outcome = request.outcome();
        }
        return new Decision(previous == null ? 1 : previous.sequence() + 1, evaluationRevision, recommended,
                request.kind(), outcome, request.reason(), by, at);
    }
}
