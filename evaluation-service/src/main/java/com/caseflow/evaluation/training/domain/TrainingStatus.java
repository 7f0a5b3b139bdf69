package com.caseflow.evaluation.training.domain;

public enum TrainingStatus {
    ASSIGNED("待培训"),
    COMPLETED("已完成");

    private final String labelZh;

    TrainingStatus(String labelZh) {
        this.labelZh = labelZh;
    }

    public String labelZh() {
        return labelZh;
    }
}
