package com.caseflow.events.contact;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The normalised form in which events carry a customer's number ({@code 13812345678}, {@code 021-58881234[-801]},
 * {@code 400-820-8820}): how what an agent typed becomes it, and how it is shown to those who may not see it whole
 * (reviewers, logs, audits). One rule for every service, so that a number looked up anywhere finds what intake stored.
 */
public final class Phones {

    private static final Pattern MOBILE = Pattern.compile("\\d{11}");
    private static final Pattern SERVICE_LINE = Pattern.compile("([48]00-)\\d{3}-(\\d{4})");
    private static final Pattern LANDLINE = Pattern.compile("(\\d{3,4}-)\\d*(\\d{4})(-\\d+)?");

    private static final Pattern TYPED_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    // 010 and 02x are the three-digit area codes and take eight-digit numbers; the others have four digits.
    private static final Pattern TYPED_LANDLINE =
            Pattern.compile("(010|02\\d)([2-9]\\d{7})|(0[3-9]\\d{2})([2-9]\\d{6,7})");
    private static final Pattern TYPED_SERVICE = Pattern.compile("([48]00)(\\d{3})(\\d{4})");
    private static final Pattern EXTENSION = Pattern.compile("(.+?)(?:转|#|ext\\.?|x)(\\d{1,6})", Pattern.CASE_INSENSITIVE);
    private static final Pattern DASHED_EXTENSION = Pattern.compile("(0\\d{2,3}-\\d{7,8})-(\\d{1,6})");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()（）]");

    /**
     * What an agent typed, in the normalised form: a mobile (11 digits starting with 1), a landline with its area
     * code (and extension), or a 400/800 service line, however spaced or prefixed (+86, 0086); empty when it is none
     * of these.
     */
    public static Optional<String> normalised(String typed) {
        if (typed == null || typed.length() > 32) {
            return Optional.empty();
        }
        String main = typed.strip();
        String extension = null;
        Matcher ext = EXTENSION.matcher(main);
        Matcher dashed = DASHED_EXTENSION.matcher(main);
        if (ext.matches()) {
            main = ext.group(1);
            extension = ext.group(2);
        } else if (dashed.matches()) {
            main = dashed.group(1);
            extension = dashed.group(2);
        }
        String digits = SEPARATORS.matcher(main).replaceAll("");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        if (extension == null && TYPED_MOBILE.matcher(digits).matches()) {
            return Optional.of(digits);
        }
        Matcher service = TYPED_SERVICE.matcher(digits);
        if (extension == null && service.matches()) {
            return Optional.of(service.group(1) + "-" + service.group(2) + "-" + service.group(3));
        }
        if (!digits.startsWith("0") && (digits.length() == 10 || digits.length() == 11)) {
            digits = "0" + digits; // the international form, +86 21 5888 1234, drops the trunk zero
        }
        Matcher landline = TYPED_LANDLINE.matcher(digits);
        if (landline.matches()) {
            String number = landline.group(1) != null
                    ? landline.group(1) + "-" + landline.group(2)
                    : landline.group(3) + "-" + landline.group(4);
            return Optional.of(extension == null ? number : number + "-" + extension);
        }
        return Optional.empty();
    }

    /** Whether a normalised number is a mobile ({@code 13812345678}). */
    public static boolean isMobile(String normalised) {
        return normalised != null && MOBILE.matcher(normalised).matches();
    }

    /** Whether a normalised number is a 400/800 service line ({@code 400-820-8820}). */
    public static boolean isServiceLine(String normalised) {
        return normalised != null && SERVICE_LINE.matcher(normalised).matches();
    }

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
