package com.caseflow.routing.cases.domain;

/** Where a case stands in its department's work. */
public enum CaseStatus {
    /** In the department's queue, nobody has taken it yet (routed, transferred or reopened). */
    OPEN("待受理"),
    /** A member of the department owns it. */
    IN_PROGRESS("处理中"),
    /** Resolved; the callback (回访) follows. */
    RESOLVED("已解决"),
    /** Part of a mass incident: its contacts now belong to the incident's case. */
    MERGED("已合并");

    private final String labelZh;

    CaseStatus(String labelZh) {
        this.labelZh = labelZh;
    }

    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }

    public String labelZh() {
        return labelZh;
    }
}
