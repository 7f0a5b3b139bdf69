package com.caseflow.routing.cases.domain;

import java.time.Instant;

/**
 * One step of a case's history, in the order of its events.
 *
 * @param type   the event's stable type name
 * @param by     the member of staff or service that took the step
 * @param detail what the step says in words: the note, the reason, the resolution
 */
public record HistoryEntry(long sequence, String type, Instant at, String by, String departmentCode,
                           String detail) {
}
