package com.caseflow.evaluation.recurring.domain;

/** Where an improvement proposal stands; labels as the users see them. */
public enum ProposalStatus {
    PROPOSED("已提出"),
    IN_PROGRESS("进行中"),
    DONE("已完成"),
    DROPPED("已放弃");

    private final String labelZh;

    ProposalStatus(String labelZh) {
        this.labelZh = labelZh;
    }

    public String labelZh() {
        return labelZh;
    }

    /** Still to be carried out: a due date passed without it is overdue. */
    public boolean open() {
        return this == PROPOSED || this == IN_PROGRESS;
    }
}
