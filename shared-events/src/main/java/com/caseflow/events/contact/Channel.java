package com.caseflow.events.contact;

/** How the customer reached us. */
public enum Channel {
    /** A call on the hotline (接电). */
    PHONE,
    /** A walk-in visitor at a sales or service centre (接访). */
    VISIT
}
