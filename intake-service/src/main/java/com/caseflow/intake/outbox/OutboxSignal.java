package com.caseflow.intake.outbox;

/** Tells the relay that a new entry was stored, so it publishes at once instead of on its next sweep. */
public interface OutboxSignal {

    void entryStored();
}
