package com.caseflow.followup.delivery.persistence;

import java.time.Instant;

/** An item with the version it was read at and when it is next due (null once settled). */
public record Versioned<T>(T state, long version, Instant due) {
}
