package com.caseflow.events.cases;

/** General matters (一般问题) go to customer service, complex ones (复杂问题) to the responsible department. */
public enum Complexity {
    GENERAL("一般问题", "General"),
    COMPLEX("复杂问题", "Complex");

    private final String labelZh;
    private final String labelEn;

    Complexity(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }
}
