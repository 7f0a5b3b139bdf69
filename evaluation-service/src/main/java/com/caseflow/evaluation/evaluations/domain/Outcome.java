package com.caseflow.evaluation.evaluations.domain;

/** What the policy recommends management do; the decision stays with management. */
public enum Outcome {
    /** 表彰/奖励: a high score and no KPI below its target. */
    COMMENDATION("表彰奖励"),
    /** Nothing to act on. */
    NONE("无"),
    /** 培训: a low score; the weak KPIs say what to train. */
    TRAINING("培训"),
    /** 警告: a critical violation found in a spot-check, whatever the score. */
    WARNING("警告");

    private final String labelZh;

    Outcome(String labelZh) {
        this.labelZh = labelZh;
    }

    public String labelZh() {
        return labelZh;
    }
}
