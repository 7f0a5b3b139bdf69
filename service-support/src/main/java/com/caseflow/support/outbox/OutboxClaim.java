package com.caseflow.support.outbox;

import java.time.Instant;

/**
 * Which relay instance may publish a document's pending entries, and until when. The instance that writes the
 * entries claims them in the same write and publishes them from its hand-off; another instance's sweep takes them
 * over only once the claim has run out (the writer crashed or lost its broker).
 */
public record OutboxClaim(String by, Instant until) {
}
