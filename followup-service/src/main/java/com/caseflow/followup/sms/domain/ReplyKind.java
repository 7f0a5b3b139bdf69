package com.caseflow.followup.sms.domain;

public enum ReplyKind {
    SATISFACTION,
    OPT_OUT,
    OTHER
}
