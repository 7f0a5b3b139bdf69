package com.caseflow.followup.sms.domain;

/** The texts CaseFlow sends to customers; the name travels to the gateway as {@code template}. */
public enum SmsTemplate {
    /** A case was opened: its number and the department that handles it. */
    CASE_OPENED,
    /** A case was resolved: saying so, with the satisfaction question (reply 1–5). */
    CASE_RESOLVED
}
