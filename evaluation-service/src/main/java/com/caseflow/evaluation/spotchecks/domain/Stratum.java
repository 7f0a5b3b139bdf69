package com.caseflow.evaluation.spotchecks.domain;

/**
 * Why a contact was drawn. The flagged strata are over-sampled; a contact that is several of them belongs to the first
 * in the configured priority order, and all of them are given as its reasons.
 */
public enum Stratum {
    /** The agent classified the matter as a complaint (投诉). */
    COMPLAINT,
    /** The customer's callback gave a low satisfaction, or the customer said the matter was not resolved. */
    LOW_SATISFACTION,
    /** A deadline of the contact's case passed and it was escalated. */
    ESCALATED,
    /** The case was resolved after its resolution deadline, or is still open past it. */
    LONG_RUNNING,
    /**
     * The agent recorded the matter as settled on the spot (当场办结): no case was opened, so nobody else ever looks
     * at it unless it is checked.
     */
    SETTLED,
    /** None of the above. */
    ORDINARY;

    public boolean flagged() {
        return this != ORDINARY;
    }
}
