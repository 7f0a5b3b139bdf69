package com.caseflow.followup.timers.domain;

import java.time.Duration;
import java.time.Instant;

/** The working time deadlines are counted in: a department's business hours, holidays and make-up working days. */
public interface WorkingTime {

    /** The instant that lies {@code workingTime} of working time after {@code start}. */
    Instant plus(Instant start, Duration workingTime);

    /** Working time between two instants; zero when {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to);
}
