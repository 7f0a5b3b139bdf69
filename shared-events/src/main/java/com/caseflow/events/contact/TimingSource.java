package com.caseflow.events.contact;

/** Where a call's ring and answer times came from. */
public enum TimingSource {
    /** From the phone platform's call events: the three-ring figure is measured (实测). */
    MEASURED,
    /** Typed by the agent, e.g. while the platform was down (自报). */
    SELF_REPORTED
}
