package com.caseflow.evaluation.recurring.domain;

import com.caseflow.events.contact.ContactCategory;

/** The Chinese label users read for a category; a category this build does not know is shown by its code. */
public final class Categories {

    public static String labelZh(String category) {
        for (ContactCategory c : ContactCategory.values()) {
            if (c.name().equals(category)) {
                return c.labelZh();
            }
        }
        return category;
    }

    private Categories() {
    }
}
