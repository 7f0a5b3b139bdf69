package com.caseflow.intake.projects.domain;

public enum SalesStatus {
    PRE_SALE("预售"),
    ON_SALE("在售"),
    SOLD_OUT("售罄"),
    DELIVERED("已交付");

    private final String labelZh;

    SalesStatus(String labelZh) {
        this.labelZh = labelZh;
    }

    public String labelZh() {
        return labelZh;
    }
}
