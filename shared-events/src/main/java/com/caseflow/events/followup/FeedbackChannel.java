package com.caseflow.events.followup;

/** How a customer's satisfaction reached us. */
public enum FeedbackChannel {
    /** Customer service called back (回访电话). */
    PHONE,
    /** The customer answered the text message sent when the case was resolved (回复 1–5). */
    SMS
}
