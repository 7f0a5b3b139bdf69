package com.caseflow.intake.outbox;

/**
 * Hands a just-stored entry to the relay, so it is published at once instead of on the next sweep. Losing the
 * hand-off loses nothing: the entry is in the store, and the sweep finds it.
 */
public interface OutboxSignal {

    void entryStored(String documentId, OutboxEntry entry);
}
