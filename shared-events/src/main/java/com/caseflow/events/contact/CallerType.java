package com.caseflow.events.contact;

/** Who the customer is to the project. */
public enum CallerType {
    OWNER("业主", "Owner"),
    PROSPECTIVE_BUYER("意向客户", "Prospective buyer"),
    TENANT("租户", "Tenant"),
    OTHER("其他", "Other");

    private final String labelZh;
    private final String labelEn;

    CallerType(String labelZh, String labelEn) {
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
