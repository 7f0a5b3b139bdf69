package com.caseflow.evaluation.spotchecks.domain;

/** Who asked for a sample: a reviewer's random spot-check (随机抽查), or the schedule's regular check (定期检查). */
public enum SampleKind {
    RANDOM,
    REGULAR
}
