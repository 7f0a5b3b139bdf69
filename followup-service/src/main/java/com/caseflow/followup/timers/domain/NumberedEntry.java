package com.caseflow.followup.timers.domain;

/**
 * A timeline entry with its place in the case's timeline: entries are numbered 1, 2, … in the order they happened,
 * without gaps, wherever they are kept.
 */
public record NumberedEntry(long number, TimelineEntry entry) {
}
