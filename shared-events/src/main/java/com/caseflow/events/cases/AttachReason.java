package com.caseflow.events.cases;

/** Why a contact joined an existing case instead of opening one. */
public enum AttachReason {
    /** The same customer again about the same project and category while the case is open (重复来电). */
    REPEAT,
    /** One of many customers reporting the same kind of issue in the same project or building (群体事件). */
    INCIDENT
}
