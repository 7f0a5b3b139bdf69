package com.caseflow.followup.callbacks.domain;

import java.time.Instant;

/**
 * One call of a callback (回访).
 *
 * @param requestKey             the {@code Idempotency-Key} the attempt was recorded with, if any
 * @param satisfaction           1–5 when reached
 * @param resolvedInCustomerView whether the customer considers the matter resolved, when reached
 */
public record CallbackAttempt(int number, Instant at, String by, boolean reached, Integer satisfaction,
                              Boolean resolvedInCustomerView, String comment, String requestKey) {
}
