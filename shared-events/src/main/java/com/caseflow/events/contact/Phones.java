package com.caseflow.events.contact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a customer's number, in the normalised form events carry it ({@code 13812345678}, {@code 021-58881234[-801]},
 * {@code 400-820-8820}), is shown to those who may not see it whole: reviewers, logs, audits.
 */
public final class Phones {

    private static final Pattern MOBILE = Pattern.compile("\\d{11}");
    private static final Pattern SERVICE_LINE = Pattern.compile("([48]00-)\\d{3}-(\\d{4})");
    private static final Pattern LANDLINE = Pattern.compile("(\\d{3,4}-)\\d*(\\d{4})(-\\d+)?");

    /** 138****5678, 021-****1234 (without the extension), 400-****8820; anything else keeps its last four digits. */
    public static String masked(String normalized) {
        if (normalized == null) {
            return null;
        }
        if (MOBILE.matcher(normalized).matches()) {
            return normalized.substring(0, 3) + "****" + normalized.substring(7);
        }
        Matcher service = SERVICE_LINE.matcher(normalized);
        if (service.matches()) {
            return service.group(1) + "****" + service.group(2);
        }
        Matcher landline = LANDLINE.matcher(normalized);
        if (landline.matches()) {
            return landline.group(1) + "****" + landline.group(2);
        }
        int keep = Math.min(4, normalized.length());
        return "****" + normalized.substring(normalized.length() - keep);
    }

    private Phones() {
    }
}
