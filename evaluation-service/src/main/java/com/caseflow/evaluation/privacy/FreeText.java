package com.caseflow.evaluation.privacy;

import com.caseflow.support.problem.FieldProblem;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What staff write in free text here (a reviewer's comment, a proposal) is shown to other staff, so it must not carry a
 * customer's phone number: mobiles (with or without +86), landlines with area code and 400/800 lines are refused,
 * however they are written — full-width digits, spaces, dashes, dots or brackets between the digits. Dates and unit
 * numbers (2026-11-28, 3栋2单元1201) pass; so does a landline without its area code, which cannot be told from other
 * eight-digit numbers such as 20261128.
 */
public final class FreeText {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()（）·]");
    private static final Pattern PHONE = Pattern.compile(
            "(?<!\\d)(?:(?:\\+?86|0086)?1[3-9]\\d{9}|0\\d{9,11}|[48]00\\d{7})(?!\\d)");

    /** Adds a problem naming {@code field} when {@code text} holds a phone number. */
    public static void requireNoPhoneNumber(String field, String text, List<FieldProblem> problems) {
        if (text == null) {
            return;
        }
        String digitsTogether = SEPARATORS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
        if (PHONE.matcher(digitsTogether).find()) {
            problems.add(new FieldProblem(field, "must not contain a phone number: it is shown to other staff"));
        }
    }

    private FreeText() {
    }
}
