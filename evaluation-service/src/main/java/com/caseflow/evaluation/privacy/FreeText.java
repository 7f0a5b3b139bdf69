package com.caseflow.evaluation.privacy;

import com.caseflow.support.problem.FieldProblem;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What staff write in free text here (a reviewer's comment, a proposal) is published and shown to others, so it must
 * not carry a customer's phone number: mobiles, landlines with area code and 400/800 lines are refused, written with
 * or without separators. Dates and unit numbers (2026-11-28, 3栋2单元1201) pass.
 */
public final class FreeText {

    private static final Pattern PHONE = Pattern.compile(
            "(?<!\\d)(?:1[3-9]\\d[\\s-]?\\d{4}[\\s-]?\\d{4}|0\\d{2,3}[\\s-]?\\d{3,4}[\\s-]?\\d{4}|[48]00[\\s-]?\\d{3}[\\s-]?\\d{4})"
                    + "(?!\\d)");

    /** Adds a problem naming {@code field} when {@code text} holds a phone number. */
    public static void requireNoPhoneNumber(String field, String text, List<FieldProblem> problems) {
        if (text != null && PHONE.matcher(text).find()) {
            problems.add(new FieldProblem(field, "must not contain a phone number: it is shown to other staff"));
        }
    }

    private FreeText() {
    }
}
