package com.caseflow.followup.sms.domain;

import java.util.Locale;

/**
 * The number a customer is told for their case. Routing and the console know cases only by their id (a UUID), so
 * the customer gets its first eight characters in capitals — what staff see first in every list, easy to read out.
 */
public final class CaseNumbers {

    private CaseNumbers() {
    }

    public static String of(String caseId) {
        String head = caseId.length() > 8 ? caseId.substring(0, 8) : caseId;
        return head.toUpperCase(Locale.ROOT);
    }
}
