package com.caseflow.evaluation.aggregates.domain;

import java.util.Objects;

/**
 * Where an event's deltas come from: the record's topic and partition, its offset, and which of the record's folds
 * (a call's answer folds up to three facts). Positions of one source only grow in the order a consumer works its
 * partition, so a counter document keeps, per source, the highest position added to it — a record redelivered, or
 * folded late by a consumer that lost its partition (a zombie), is at or below it and adds nothing. Bounded by the
 * number of partitions, where a list of event ids grows with every event.
 *
 * @param source topic and partition, e.g. {@code cases-2}
 * @param offset the record's offset in it
 * @param step   which fold of the record, 0 for the first
 */
public record SourcePosition(String source, long offset, int step) {

    /** Folds per record: a call's answer folds three. */
    static final int STEPS = 8;

    public SourcePosition {
        Objects.requireNonNull(source);
        if (offset < 0 || step < 0 || step >= STEPS) {
            throw new IllegalArgumentException("position " + offset + "/" + step + " of " + source);
        }
    }

    public static SourcePosition of(String topic, int partition, long offset) {
        return new SourcePosition(topic + "-" + partition, offset, 0);
    }

    public SourcePosition step(int next) {
        return new SourcePosition(source, offset, next);
    }

    /** Orders positions of one source: record by record, and fold by fold within a record. */
    public long value() {
        return offset * STEPS + step;
    }

    /** A field name for the source: topic names may hold dots, which a document's field path would split at. */
    public String key() {
        return source.replace('.', '_');
    }
}
