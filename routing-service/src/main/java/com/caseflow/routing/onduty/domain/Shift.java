package com.caseflow.routing.onduty.domain;

import java.time.Duration;
import java.time.Instant;

/** One person on duty for a department from {@code start} (inclusive) to {@code end} (exclusive). */
public record Shift(String staffId, Instant start, Instant end) {

    /** A 24-hour duty (24小时值班) is the longest shift anyone keeps. */
    public static final Duration LONGEST = Duration.ofHours(24);

    public boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }
}
