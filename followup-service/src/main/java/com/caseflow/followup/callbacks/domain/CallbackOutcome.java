package com.caseflow.followup.callbacks.domain;

/**
 * What the member of staff who called the customer recorded: not reached, or reached with the customer's
 * satisfaction (1–5), whether they consider the matter resolved, and a comment.
 */
public record CallbackOutcome(boolean reached, Integer satisfaction, Boolean resolvedInCustomerView, String comment) {

    public static CallbackOutcome notReached(String comment) {
        return new CallbackOutcome(false, null, null, comment);
    }

    public static CallbackOutcome reached(int satisfaction, boolean resolved, String comment) {
        return new CallbackOutcome(true, satisfaction, resolved, comment);
    }
}
