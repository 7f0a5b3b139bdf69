package com.caseflow.intake.contacts.domain;

import com.caseflow.events.contact.Phones;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Chinese phone number in one of the forms customers give: a mobile (11 digits starting with 1), a landline with
 * its area code, or a 400/800 service line. Stored normalised so that a customer's history is found however the agent
 * typed the number: {@code 13812345678}, {@code 021-58881234}, {@code 0571-8888123}, {@code 400-820-8820}.
 */
public record PhoneNumber(String value, Kind kind) {

    public enum Kind { MOBILE, LANDLINE, SERVICE_LINE }

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    // 010 and 02x are the three-digit area codes and take eight-digit numbers; the others have four digits.
    private static final Pattern LANDLINE = Pattern.compile("(010|02\\d)([2-9]\\d{7})|(0[3-9]\\d{2})([2-9]\\d{6,7})");
    private static final Pattern SERVICE = Pattern.compile("([48]00)(\\d{3})(\\d{4})");
    private static final Pattern EXTENSION = Pattern.compile("(.+?)(?:转|#|ext\\.?|x)(\\d{1,6})", Pattern.CASE_INSENSITIVE);
    private static final Pattern DASHED_EXTENSION = Pattern.compile("(0\\d{2,3}-\\d{7,8})-(\\d{1,6})");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()（）]");

    /** Parses what an agent typed; empty when it is not a Chinese mobile, landline or 400/800 number. */
    public static Optional<PhoneNumber> parse(String raw) {
        if (raw == null || raw.length() > 32) {
            return Optional.empty();
        }
        String main = raw.strip();
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
        if (extension == null && MOBILE.matcher(digits).matches()) {
            return Optional.of(new PhoneNumber(digits, Kind.MOBILE));
        }
        Matcher service = SERVICE.matcher(digits);
        if (extension == null && service.matches()) {
            return Optional.of(new PhoneNumber(
                    service.group(1) + "-" + service.group(2) + "-" + service.group(3), Kind.SERVICE_LINE));
        }
        if (!digits.startsWith("0") && (digits.length() == 10 || digits.length() == 11)) {
            digits = "0" + digits; // the international form, +86 21 5888 1234, drops the trunk zero
        }
        Matcher landline = LANDLINE.matcher(digits);
        if (landline.matches()) {
            String number = landline.group(1) != null
                    ? landline.group(1) + "-" + landline.group(2)
                    : landline.group(3) + "-" + landline.group(4);
            return Optional.of(new PhoneNumber(extension == null ? number : number + "-" + extension, Kind.LANDLINE));
        }
        return Optional.empty();
    }

    /** 138****5678 for mobiles; landlines and service lines keep area code and last four digits. */
    public String masked() {
        return Phones.masked(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
