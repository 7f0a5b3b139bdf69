package com.caseflow.followup.callbacks.domain;

/**
 * @param maxAttempts       calls before a customer who cannot be reached counts as unreached
 * @param reopenAtOrBelow   satisfaction at or below this reopens the case (2: "dissatisfied" and "very dissatisfied")
 */
public record CallbackPolicy(int maxAttempts, int reopenAtOrBelow) {
    public CallbackPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a callback needs at least one attempt");
        }
    }
}
