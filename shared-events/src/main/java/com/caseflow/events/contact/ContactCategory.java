package com.caseflow.events.contact;

/** The fixed taxonomy agents classify every matter with; labels as the users see them. */
public enum ContactCategory {
    INQUIRY("咨询", "Inquiry"),
    COMPLAINT("投诉", "Complaint"),
    REPAIR("报修", "Repair"),
    SUGGESTION("建议", "Suggestion"),
    HANDOVER("交付", "Handover"),
    TITLE("产权", "Title / certificate"),
    PROPERTY_MANAGEMENT("物业", "Property management"),
    SALES("销售", "Sales"),
    PAYMENT("财务", "Payment / refund"),
    OTHER("其他", "Other");

    private final String labelZh;
    private final String labelEn;

    ContactCategory(String labelZh, String labelEn) {
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
