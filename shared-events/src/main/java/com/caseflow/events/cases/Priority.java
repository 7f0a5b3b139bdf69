package com.caseflow.events.cases;

/** How fast a case must move; raised by safety and risk keywords, repeat contacts, incidents and reopening. */
public enum Priority {
    NORMAL("普通", "Normal"),
    HIGH("高", "High"),
    URGENT("紧急", "Urgent");

    private final String labelZh;
    private final String labelEn;

    Priority(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** One step up, URGENT stays URGENT. */
    public Priority raised() {
        return this == NORMAL ? HIGH : URGENT;
    }

    public Priority atLeast(Priority other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }
}
